package dev.vellum.validation.policy;

import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.x509.Attribute;
import org.bouncycastle.asn1.x509.AttributeCertificate;

/**
 * The claimed and certified attributes a signature carries: the signer-attributes attribute (RFC 5126
 * §5.11.3, 1.2.840.113549.1.9.16.2.18) and signer-attributes-v2 (EN 319 122-1 §5.2.6.1,
 * 0.4.0.19122.1.1). Tags are read as EXPLICIT (both modules say so) and, leniently, as IMPLICIT.
 * signedAssertions of v2 are neither claimed nor certified attributes in RFC 3125's sense and are not
 * collected.
 *
 * @param claimed   each claimed attribute
 * @param certified each attribute certificate (otherAttributeCertificate entries are not collected)
 */
record SignerAttributes(List<Attribute> claimed, List<AttributeCertificate> certified) {

    static final String V1 = "1.2.840.113549.1.9.16.2.18";
    static final String V2 = "0.4.0.19122.1.1";

    SignerAttributes {
        claimed = List.copyOf(claimed);
        certified = List.copyOf(certified);
    }

    boolean isEmpty() {
        return claimed.isEmpty() && certified.isEmpty();
    }

    /** Reads the signed attributes; a malformed signer-attributes value is an IllegalArgumentException. */
    static SignerAttributes of(List<org.bouncycastle.asn1.cms.Attribute> signedAttributes) {
        List<Attribute> claimed = new ArrayList<>();
        List<AttributeCertificate> certified = new ArrayList<>();
        for (org.bouncycastle.asn1.cms.Attribute a : signedAttributes) {
            String type = a.getAttrType().getId();
            if (!type.equals(V1) && !type.equals(V2)) {
                continue;
            }
            for (ASN1Encodable value : a.getAttrValues()) {
                for (ASN1Encodable choice : ASN1Sequence.getInstance(decoded(value))) {
                    ASN1TaggedObject t = ASN1TaggedObject.getInstance(choice);
                    if (t.getTagNo() == 0) {
                        for (ASN1Encodable attr : contents(t, false)) {
                            claimed.add(Attribute.getInstance(attr));
                        }
                    } else if (t.getTagNo() == 1 && type.equals(V1)) {
                        // SignerAttribute v1: certifiedAttributes [1] AttributeCertificate
                        ASN1Sequence s = ASN1Sequence.getInstance(t, false);
                        certified.add(AttributeCertificate.getInstance(isAttributeCertificate(s) ? s : s.getObjectAt(0)));
                    } else if (t.getTagNo() == 1) {
                        for (ASN1Encodable ac : contents(t, true)) {
                            if (!(ac instanceof ASN1TaggedObject)) { // [1] otherAttributeCertificate is skipped
                                certified.add(AttributeCertificate.getInstance(ac));
                            }
                        }
                    }
                }
            }
        }
        return new SignerAttributes(claimed, certified);
    }

    // Read from its DER, so that tags are "parsed" and can be viewed as explicit or implicit.
    private static ASN1Encodable decoded(ASN1Encodable value) {
        try {
            return org.bouncycastle.asn1.ASN1Primitive.fromByteArray(value.toASN1Primitive().getEncoded("DER"));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("signer-attributes value cannot be encoded: " + e.getMessage(), e);
        }
    }

    // The SEQUENCE OF inside a [n] tag, whether the tag is explicit or implicit.
    private static ASN1Sequence contents(ASN1TaggedObject t, boolean ofCertificates) {
        ASN1Sequence s = ASN1Sequence.getInstance(t, false);
        if (s.size() == 1 && s.getObjectAt(0) instanceof ASN1Sequence inner) {
            boolean implicitForm = ofCertificates ? isAttributeCertificate(inner)
                    : inner.size() > 0 && inner.getObjectAt(0) instanceof ASN1ObjectIdentifier;
            return implicitForm ? s : inner;
        }
        return s;
    }

    private static boolean isAttributeCertificate(ASN1Sequence s) {
        return s.size() == 3 && s.getObjectAt(2) instanceof ASN1BitString;
    }
}
