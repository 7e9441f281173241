package dev.vellum.formats.cms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.testkit.pki.KeyType;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.ContentVerifier;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ContentVerifiersTest {
    private static final byte[] DATA = "signed attributes of an archived mail".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @EnumSource(value = KeyType.class, names = {"ECDSA_P256", "ECDSA_P384", "RSA_2048", "RSA_PSS", "ED25519"})
    void acceptsTheSignatureAndRejectsItOverOtherBytes(KeyType type) throws Exception {
        KeyPair pair = type.generateKeyPair();
        ContentSigner signer = new JcaContentSignerBuilder(type.signatureAlgorithm()).setProvider(Bc.PROVIDER).build(pair.getPrivate());
        try (OutputStream out = signer.getOutputStream()) {
            out.write(DATA);
        }
        byte[] signature = signer.getSignature();

        for (int round = 0; round < 3; round++) { // later rounds use the key's cached tables
            assertThat(verifies(pair.getPublic(), signer, DATA, signature)).as("round %d", round).isTrue();
            byte[] other = DATA.clone();
            other[round] ^= 1;
            assertThat(verifies(pair.getPublic(), signer, other, signature)).as("round %d, changed data", round).isFalse();
            byte[] forged = signature.clone();
            forged[forged.length - 1] ^= 1;
            assertThat(verifies(pair.getPublic(), signer, DATA, forged)).as("round %d, changed signature", round).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(value = KeyType.class, names = {"ECDSA_P256", "RSA_2048"})
    void sharesOneProviderPerSubjectPublicKeyInfo(KeyType type) throws Exception {
        PublicKey key = type.generateKeyPair().getPublic();
        PublicKey sameBytes = KeyFactory.getInstance(key.getAlgorithm()).generatePublic(new X509EncodedKeySpec(key.getEncoded()));
        PublicKey otherKey = type.generateKeyPair().getPublic();

        assertThat(ContentVerifiers.of(sameBytes)).isSameAs(ContentVerifiers.of(key));
        assertThat(ContentVerifiers.of(otherKey)).isNotSameAs(ContentVerifiers.of(key));
    }

    private static boolean verifies(PublicKey key, ContentSigner signer, byte[] data, byte[] signature) throws Exception {
        ContentVerifier verifier = ContentVerifiers.of(key).get(signer.getAlgorithmIdentifier());
        try (OutputStream out = verifier.getOutputStream()) {
            out.write(data);
        }
        return verifier.verify(signature);
    }
}
