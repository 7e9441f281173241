package dev.vellum.app.cli.tsa;

import dev.vellum.app.cli.ExitCodes;
import dev.vellum.timestamping.TimestampException;
import dev.vellum.timestamping.embedded.EmbeddedTsa;
import dev.vellum.timestamping.embedded.EmbeddedTsaConfig;
import dev.vellum.timestamping.embedded.TsaHttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vellum tsa serve [--port N]}: the embedded TSA at {@code http://127.0.0.1:N/tsa} until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the embedded TSA over HTTP (RFC 3161 §3.4) at http://<bind>:<port>/tsa until Ctrl-C.",
                "GET /tsa/chain.pem returns its certificate chain. Tokens follow --now when given."})
public final class TsaServeCommand implements Callable<Integer> {
    @ParentCommand
    TsaCommand tsa;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", defaultValue = "3161",
            description = "TCP port (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default ${DEFAULT-VALUE}: this machine only).")
    String bind;

    @Option(names = "--policy", paramLabel = "OID", description = "TSA policy OID put in every token.")
    String policy;

    @Option(names = "--pkcs12", paramLabel = "FILE",
            description = "Sign with this key and chain instead of the generated test key.")
    Path pkcs12;

    @Option(names = "--password-file", paramLabel = "FILE", description = "Password of --pkcs12 (first line).")
    Path passwordFile;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        EmbeddedTsaConfig.Builder config = tsa.config();
        if (policy != null) {
            config.policyOid(policy);
        }
        if (pkcs12 != null) {
            try {
                char[] password = passwordFile == null ? new char[0]
                        : Files.readAllLines(passwordFile, StandardCharsets.UTF_8).stream().findFirst().orElse("").toCharArray();
                config.pkcs12(pkcs12, password, null);
            } catch (IOException e) {
                err.println("vellum tsa serve: cannot read the password file " + passwordFile + ": " + e.getMessage());
                return ExitCodes.USAGE;
            }
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try (EmbeddedTsa embedded = EmbeddedTsa.open(config.build());
             TsaHttpServer server = embedded.serve(new InetSocketAddress(bind, port))) {
            Thread hook = new Thread(stopped::countDown, "vellum-tsa-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            out.println("Embedded TSA serving at " + server.url());
            out.println("Certificate chain: " + tsa.dataDirectory().resolve("chain.pem")
                    + (pkcs12 == null ? "  (generated test key: NOT FOR PRODUCTION)" : ""));
            out.println("Policy " + embedded.policyOid() + ". Press Ctrl-C to stop.");
            out.flush();
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                removeHook(hook);
            }
            return ExitCodes.OK;
        } catch (TimestampException e) {
            err.println("vellum tsa serve: " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already exiting: the hook is running or has run.
        }
    }
}
