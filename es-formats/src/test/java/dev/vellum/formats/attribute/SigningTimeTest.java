package dev.vellum.formats.attribute;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.bouncycastle.asn1.cms.Time;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** signing-time read directly for the plain UTCTime form gives exactly Bouncy Castle's reading, for every form. */
class SigningTimeTest {

    @ParameterizedTest
    @ValueSource(strings = {"260101120000Z", "491231235959Z", "500101000000Z", "991231235959Z", "000229120000Z",
        "240229000000Z", "261206070654Z"})
    void plainUtcTimesAreReadDirectlyAndAgreeWithBouncyCastle(String value) throws Exception {
        ASN1UTCTime utc = utc(value);
        assertThat(AttributeValues.plainUtcTime(utc)).contains(bouncyCastle(utc));
        assertThat(AttributeValues.signingTime(utc)).isEqualTo(bouncyCastle(utc));
    }

    @ParameterizedTest
    @ValueSource(strings = {"230229000000Z", "260431000000Z", "2601011200Z",
        "260101120000+0100"})
    void otherFormsAndOutOfRangeFieldsAreLeftToBouncyCastle(String value) throws Exception {
        ASN1UTCTime utc = utc(value);
        assertThat(AttributeValues.plainUtcTime(utc)).isEmpty();
        assertThat(AttributeValues.signingTime(utc)).isEqualTo(bouncyCastle(utc));
    }

    private static ASN1UTCTime utc(String value) throws Exception {
        byte[] tlv = new byte[2 + value.length()];
        tlv[0] = 0x17;
        tlv[1] = (byte) value.length();
        System.arraycopy(value.getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, tlv, 2, value.length());
        return (ASN1UTCTime) ASN1Primitive.fromByteArray(tlv);
    }

    private static Instant bouncyCastle(ASN1UTCTime utc) {
        return Time.getInstance(utc).getDate().toInstant();
    }
}
