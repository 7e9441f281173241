package dev.vellum.formats.cms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.ContentVerifier;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Our verifiers give Bouncy Castle's own verifiers' answers, once per signature value. */
class ContentVerifiersAgainstBouncyCastleTest {

    private static final byte[] DATA = "content signed for the verifier test".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @CsvSource({"EC, SHA256withECDSA", "EC, SHA384withECDSA", "RSA, SHA256withRSA", "RSA, SHA256withRSAandMGF1"})
    void verifiesGoodSignaturesAndRejectsTamperedOnes(String keyType, String algorithm) throws Exception {
        KeyPair pair = keyPair(keyType);
        ContentSigner signer = new JcaContentSignerBuilder(algorithm).setProvider(Bc.PROVIDER).build(pair.getPrivate());
        try (OutputStream out = signer.getOutputStream()) {
            out.write(DATA);
        }
        byte[] signature = signer.getSignature();

        assertThat(verify(pair, algorithm, DATA, signature)).isTrue();
        byte[] otherData = DATA.clone();
        otherData[0] ^= 1;
        assertThat(verify(pair, algorithm, otherData, signature)).isFalse();
        assertThat(verify(keyPair(keyType), algorithm, DATA, signature)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"EC, SHA256withECDSA", "EC, SHA384withECDSA", "RSA, SHA256withRSA"})
    void signerInfosWithAndWithoutSignedAttributesVerifyAsWithBouncyCastlesOwnVerifier(String keyType, String algorithm)
            throws Exception {
        KeyPair pair = keyPair(keyType);
        X509CertificateHolder cert = selfSigned(pair, algorithm);
        for (boolean direct : new boolean[] {false, true}) {
            CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
            gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(Bc.PROVIDER).build())
                    .setDirectSignature(direct)
                    .build(new JcaContentSignerBuilder(algorithm).setProvider(Bc.PROVIDER).build(pair.getPrivate()), cert));
            CMSSignedData signed = gen.generate(new CMSProcessableByteArray(DATA), true);
            SignerInformation info = signed.getSignerInfos().getSigners().iterator().next();
            assertThat(info.getSignedAttributes() == null).isEqualTo(direct);

            boolean ours = info.verify(SignerInfoVerifiers.of(pair.getPublic()));
            boolean reference = info.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Bc.PROVIDER).build(pair.getPublic()));
            assertThat(ours).isTrue().isEqualTo(reference);

            CMSSignedData tampered = new CMSSignedData(new CMSProcessableByteArray("other content".getBytes(StandardCharsets.US_ASCII)),
                    signed.toASN1Structure());
            SignerInformation wrong = tampered.getSignerInfos().getSigners().iterator().next();
            boolean rejected;
            try {
                rejected = !wrong.verify(SignerInfoVerifiers.of(pair.getPublic()));
            } catch (org.bouncycastle.cms.CMSSignerDigestMismatchException e) {
                rejected = true; // with signed attributes: the message-digest attribute no longer matches
            }
            assertThat(rejected).isTrue();
        }
    }

    private static boolean verify(KeyPair pair, String algorithm, byte[] data, byte[] signature) throws Exception {
        ContentVerifier verifier = ContentVerifiers.of(pair.getPublic())
                .get(new DefaultSignatureAlgorithmIdentifierFinder().find(algorithm));
        try (OutputStream out = verifier.getOutputStream()) {
            out.write(data);
        }
        return verifier.verify(signature);
    }

    private static KeyPair keyPair(String type) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(type);
        if (type.equals("EC")) {
            generator.initialize(new ECGenParameterSpec("secp256r1"));
        } else {
            generator.initialize(2048);
        }
        return generator.generateKeyPair();
    }

    private static X509CertificateHolder selfSigned(KeyPair pair, String algorithm) throws Exception {
        X500Name name = new X500Name("CN=content verifier test");
        Date now = new Date();
        return new JcaX509v3CertificateBuilder(name, BigInteger.ONE, now, new Date(now.getTime() + 86_400_000L), name,
                pair.getPublic()).build(new JcaContentSignerBuilder(algorithm).setProvider(Bc.PROVIDER).build(pair.getPrivate()));
    }
}
