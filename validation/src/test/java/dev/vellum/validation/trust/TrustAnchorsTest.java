package dev.vellum.validation.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vellum.testkit.pki.TestPki;
import dev.vellum.validation.ValidationException;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustAnchorsTest {

    static final TestPki PKI = TestPki.shared();

    static String pem(java.security.cert.X509Certificate c) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(c.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    @Test
    void pemFilesDirectoriesAndDerAreRead(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("both.pem"), pem(PKI.root().certificate()) + pem(PKI.untrustedRoot().certificate()));
        Files.write(dir.resolve("intermediate.der"), PKI.intermediate().certificate().getEncoded());
        Files.writeString(dir.resolve("readme.txt"), "ignored");
        TrustAnchors all = TrustAnchors.fromPath(dir);
        assertThat(all.size()).isEqualTo(3);
        assertThat(all.contains(PKI.root().certificate())).isTrue();
        assertThat(all.bySubject(PKI.root().certificate().getSubjectX500Principal())).hasSize(1);
        assertThat(TrustAnchors.fromPath(dir.resolve("both.pem")).size()).isEqualTo(2);
    }

    @Test
    void pkcs12AndJksStoresAreRead(@TempDir Path dir) throws Exception {
        for (String type : new String[] {"PKCS12", "JKS"}) {
            KeyStore ks = KeyStore.getInstance(type);
            ks.load(null, null);
            ks.setCertificateEntry("root", PKI.root().certificate());
            Path file = dir.resolve(type.equals("JKS") ? "trust.jks" : "trust.p12");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ks.store(out, "changeit".toCharArray());
            Files.write(file, out.toByteArray());
            assertThat(TrustAnchors.fromKeyStore(file, "changeit".toCharArray()).certificates())
                    .containsExactly(PKI.root().certificate());
        }
    }

    @Test
    void separateSetsForSigningAndTimestamping() {
        TrustStore store = new TrustStore(TrustAnchors.of(PKI.root().certificate()), TrustAnchors.empty());
        assertThat(store.signing().isEmpty()).isFalse();
        assertThat(store.timestamping().isEmpty()).isTrue();
    }

    @Test
    void unreadableInputIsNamed(@TempDir Path dir) throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.pem"), "not a certificate");
        assertThatThrownBy(() -> TrustAnchors.fromPath(junk)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("junk.pem");
        assertThatThrownBy(() -> TrustAnchors.fromKeyStore(junk, new char[0])).isInstanceOf(ValidationException.class)
                .hasMessageContaining("junk.pem");
    }
}
