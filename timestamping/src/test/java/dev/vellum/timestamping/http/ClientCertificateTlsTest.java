package dev.vellum.timestamping.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.vellum.testkit.pki.CertificateProfile;
import dev.vellum.testkit.pki.Credential;
import dev.vellum.testkit.pki.KeyType;
import dev.vellum.testkit.pki.TestPki;
import dev.vellum.timestamping.DigestAlgorithm;
import dev.vellum.timestamping.TsaException;
import dev.vellum.timestamping.TsaFailure;
import dev.vellum.timestamping.embedded.EmbeddedTsa;
import dev.vellum.timestamping.embedded.EmbeddedTsaConfig;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A TSA behind HTTPS that demands a client certificate: the client's TLS options over a real handshake. */
class ClientCertificateTlsTest {
    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    Path dir;

    private static KeyStore keyStore(Credential credential) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(new ByteArrayInputStream(credential.toPkcs12(PASSWORD)), PASSWORD);
        return ks;
    }

    private static KeyStore trustStore(X509Certificate root) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setCertificateEntry("root", root);
        return ks;
    }

    @Test
    void theClientCertificateOpensTheDoorAndItsAbsenceIsNamed() throws Exception {
        TestPki pki = TestPki.shared();
        Credential server = pki.issue("tsa-https-server").profile(CertificateProfile.SIGNER).keyType(KeyType.ECDSA_P256)
                .subject("CN=127.0.0.1, O=Vellum Test PKI").withoutEmail()
                .extendedKeyUsage(false, KeyPurposeId.id_kp_serverAuth)
                .extension(Extension.subjectAlternativeName, false,
                        new GeneralNames(new GeneralName(GeneralName.iPAddress, "127.0.0.1")))
                .build();
        Credential client = pki.issue("archive-tls-client").profile(CertificateProfile.SIGNER).keyType(KeyType.ECDSA_P256)
                .extendedKeyUsage(false, KeyPurposeId.id_kp_clientAuth).build();
        KeyStore trust = trustStore(pki.root().certificate());

        SSLContext serverTls = SSLContext.getInstance("TLS");
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keyStore(server), PASSWORD);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        serverTls.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);

        AtomicReference<String> seenClient = new AtomicReference<>();
        try (EmbeddedTsa tsa = EmbeddedTsa.open(EmbeddedTsaConfig.builder(dir).build())) {
            HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
            https.setHttpsConfigurator(new HttpsConfigurator(serverTls) {
                @Override
                public void configure(HttpsParameters params) {
                    var ssl = getSSLContext().getDefaultSSLParameters();
                    ssl.setNeedClientAuth(true);
                    params.setSSLParameters(ssl);
                }
            });
            https.createContext("/tsa", exchange -> {
                try (exchange) {
                    seenClient.set(((X509Certificate) ((HttpsExchange) exchange).getSSLSession()
                            .getPeerCertificates()[0]).getSubjectX500Principal().getName());
                    byte[] reply = tsa.respond(exchange.getRequestBody().readAllBytes());
                    exchange.getResponseHeaders().set("Content-Type", "application/timestamp-reply");
                    exchange.sendResponseHeaders(200, reply.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(reply);
                    }
                }
            });
            https.start();
            try {
                URI url = URI.create("https://127.0.0.1:" + https.getAddress().getPort() + "/tsa");
                HttpTimestampClient withCertificate = HttpTimestampClient.builder(url)
                        .clientCertificate(keyStore(client), PASSWORD, trust).build();
                assertThat(withCertificate.timestamp(DigestAlgorithm.SHA256, new byte[32])).isNotNull();
                assertThat(seenClient.get()).isEqualTo(client.certificate().getSubjectX500Principal().getName());

                SSLContext trustOnly = SSLContext.getInstance("TLS");
                trustOnly.init(null, tmf.getTrustManagers(), null);
                HttpTimestampClient anonymous = HttpTimestampClient.builder(url).name("mtls-tsa").sslContext(trustOnly).build();
                assertThatThrownBy(() -> anonymous.timestamp(DigestAlgorithm.SHA256, new byte[32]))
                        .isInstanceOfSatisfying(TsaException.class, e -> assertThat(e.failure()).isEqualTo(TsaFailure.CONNECTION))
                        .hasMessageStartingWith("TSA mtls-tsa: connection check failed");
            } finally {
                https.stop(0);
            }
        }
    }
}
