package dev.vellum.timestamping.embedded;

import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * The embedded TSA in a JVM of its own, so that a test can kill it with SIGKILL. Prints
 * {@code URL <url>} once it serves, then runs until killed.
 */
public final class ChildTsaMain {
    private ChildTsaMain() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedTsa tsa = EmbeddedTsa.open(EmbeddedTsaConfig.builder(Path.of(args[0]))
                .serialBlockSize(Integer.parseInt(args[1])).build());
        TsaHttpServer server = tsa.serve(new InetSocketAddress("127.0.0.1", 0));
        System.out.println("URL " + server.url());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
