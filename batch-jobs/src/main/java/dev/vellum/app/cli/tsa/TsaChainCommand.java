package dev.vellum.app.cli.tsa;

import dev.vellum.app.cli.ExitCodes;
import dev.vellum.timestamping.TimestampException;
import dev.vellum.timestamping.embedded.EmbeddedTsa;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vellum tsa chain}: prints the embedded TSA's PEM chain (also at {@code <data>/tsa/chain.pem}). */
@Command(name = "chain", mixinStandardHelpOptions = true,
        description = {"Print the embedded TSA's certificate chain as PEM (TSA certificate first, root last).",
                "It is also written to <data>/tsa/chain.pem; the key is generated on first use."})
public final class TsaChainCommand implements Callable<Integer> {
    @ParentCommand
    TsaCommand tsa;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Path chainFile = tsa.dataDirectory().resolve("chain.pem");
        String pem;
        try (EmbeddedTsa embedded = EmbeddedTsa.open(tsa.config().build())) {
            pem = embedded.chainPem();
        } catch (TimestampException e) {
            // A running TSA (vellum tsa serve, or a job) holds the directory; the chain it wrote is current.
            if (!Files.isRegularFile(chainFile)) {
                spec.commandLine().getErr().println("vellum tsa chain: " + e.getMessage());
                return ExitCodes.FAILED;
            }
            try {
                pem = Files.readString(chainFile, StandardCharsets.US_ASCII);
            } catch (IOException io) {
                spec.commandLine().getErr().println("vellum tsa chain: cannot read " + chainFile + ": " + io.getMessage());
                return ExitCodes.FAILED;
            }
        }
        spec.commandLine().getOut().print(pem);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
