package dev.vellum.formats.timestamp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vellum.formats.SignedContent;
import dev.vellum.formats.SignedDocument;
import dev.vellum.formats.SignedDocumentReader;
import dev.vellum.formats.cms.Encodings;
import dev.vellum.formats.create.CadesSigner;
import dev.vellum.formats.extend.CadesExtender;
import dev.vellum.formats.extend.ExtensionTarget;
import dev.vellum.formats.support.Pki;
import dev.vellum.testkit.pki.KeyType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A token read from stored bytes encodes exactly as Bouncy Castle encodes the same token. */
class StoredTimeStampTokenTest {
    private static List<EmbeddedTimestamp> timestamps;

    @BeforeAll
    static void signAndExtend() {
        byte[] cms = CadesSigner.builder(Pki.key(KeyType.RSA_2048)).build()
                .signEnveloping(SignedContent.of("token bytes".getBytes(StandardCharsets.US_ASCII)));
        SignedDocument lta = new SignedDocumentReader().read(CadesExtender.builder().timestampSource(Pki.tsa())
                .validationDataSource(Pki.validationData()).build()
                .extend(new SignedDocumentReader().read(cms), ExtensionTarget.LTA).cms());
        timestamps = lta.signatures().get(0).timestamps();
    }

    @Test
    void tokensReadFromASignatureEncodeAsBouncyCastleDoes() throws Exception {
        assertThat(timestamps).hasSize(2);
        for (EmbeddedTimestamp t : timestamps) {
            assertThat(t.token()).isInstanceOf(StoredTimeStampToken.class);
            TimeStampToken plain = new TimeStampToken(t.token().toCMSSignedData().toASN1Structure());
            assertThat(t.token().getEncoded()).isEqualTo(plain.getEncoded());
            assertThat(t.token().getEncoded(ASN1Encoding.DER)).isEqualTo(plain.getEncoded(ASN1Encoding.DER));
        }
    }

    @Test
    void onlyMinimalDefiniteLengthContentInfosGetTheShortcut() throws Exception {
        TimeStampToken token = timestamps.get(0).token();
        org.bouncycastle.asn1.cms.ContentInfo ci = token.toCMSSignedData().toASN1Structure();
        byte[] stored = Encodings.asStored(ci);
        assertThat(Tokens.bouncyCastleEncoding(stored)).isEqualTo(new TimeStampToken(ci).getEncoded());
        // a ContentInfo stored with indefinite lengths: Bouncy Castle keeps it BER, left to it
        byte[] ber = new org.bouncycastle.asn1.BERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {ci.getContentType(),
            new org.bouncycastle.asn1.BERTaggedObject(true, 0, ci.getContent())}).getEncoded();
        assertThat(ber[1]).isEqualTo((byte) 0x80);
        assertThat(Tokens.bouncyCastleEncoding(ber)).isNull();
        TimeStampToken fromBer = Tokens.parse(ASN1Primitive.fromByteArray(ber), ber);
        assertThat(fromBer).isNotInstanceOf(StoredTimeStampToken.class);
        assertThat(fromBer.getEncoded()).isEqualTo(new TimeStampToken(
                org.bouncycastle.asn1.cms.ContentInfo.getInstance(ASN1Primitive.fromByteArray(ber))).getEncoded());
        // trailing bytes inside the ContentInfo: not the expected shape
        byte[] longer = java.util.Arrays.copyOf(stored, stored.length + 1);
        assertThat(Tokens.bouncyCastleEncoding(longer)).isNull();
    }

    @Test
    void aValueThatIsNoTokenStillFailsTheSameWay() {
        DEROctetString notAToken = new DEROctetString(new byte[] {1, 2, 3});
        String plainMessage = null;
        try {
            Tokens.parse(notAToken);
        } catch (IllegalArgumentException e) {
            plainMessage = e.getMessage();
        }
        assertThat(plainMessage).isNotNull();
        assertThatThrownBy(() -> Tokens.parse(notAToken, Encodings.asStored(notAToken)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(plainMessage);
    }
}
