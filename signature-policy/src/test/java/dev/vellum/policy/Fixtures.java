package dev.vellum.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test inputs: the real ICP-Brasil policy and the example policies shipped in {@code examples/}. */
final class Fixtures {
    static final String ICP_BRASIL_AD_RB_21_OID = "2.16.76.1.7.1.1.2.1";
    static final String ICP_BRASIL_AD_RB_21_HASH = "dd57c98a4313bc1398ce6543d3802458957cf716ae3294ec4d8c26251291e6c1";
    static final String ICP_BRASIL_AD_RB_21_FILE_HASH = "3259f8a99b35393afadfa681fc381cd1eb6925c68718a8e92f7a658f253d3ba5";
    static final String SEAL_POLICY = "records-archive-seal-policy";
    static final String INBOUND_POLICY = "inbound-signed-mail-acceptance-policy";

    private Fixtures() {
    }

    static byte[] icpBrasilAdRb21() {
        try (InputStream in = Fixtures.class.getResourceAsStream("fixtures/PA_AD_RB_v2_1.der")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The module's examples directory (tests run with the module directory as working directory). */
    static Path examples() {
        return Path.of("examples");
    }

    static byte[] exampleDer(String name) {
        return read(examples().resolve(name + ".der"));
    }

    static String exampleJson(String name) {
        return new String(read(examples().resolve(name + ".json")), java.nio.charset.StandardCharsets.UTF_8);
    }

    static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
