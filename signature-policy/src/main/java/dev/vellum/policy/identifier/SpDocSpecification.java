package dev.vellum.policy.identifier;

import dev.vellum.policy.PolicyException;
import java.io.IOException;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERIA5String;

/**
 * EN 319 122-1 §5.2.9.2 SPDocSpecification ::= CHOICE { oid OBJECT IDENTIFIER, uri IA5String }:
 * which technical specification the policy document follows, so a validator knows how to hash it.
 * Exactly one of {@code oid} and {@code uri} is set. (pyHanko models it as a SEQUENCE; it is a CHOICE.)
 */
public record SpDocSpecification(String oid, String uri) {
    /**
     * Vellum's choice for RFC 3125 DER policies: the OID of RFC 3125's ASN.1 module
     * ETS-ElectronicSignaturePolicies-88syntax {1 2 840 113549 1 9 16 0 7}. No standard we could
     * read assigns an identifier for "RFC 3125 DER, hash per §5.1", so we name the syntax by its module.
     */
    public static final SpDocSpecification RFC3125_ASN1 = ofOid("1.2.840.113549.1.9.16.0.7");

    public SpDocSpecification {
        if ((oid == null) == (uri == null)) {
            throw new PolicyException("an SPDocSpecification is either an OID or a URI, not both or neither");
        }
    }

    public static SpDocSpecification ofOid(String oid) {
        return new SpDocSpecification(oid, null);
    }

    public static SpDocSpecification ofUri(String uri) {
        return new SpDocSpecification(null, uri);
    }

    ASN1Encodable toAsn1() {
        try {
            return oid != null ? new ASN1ObjectIdentifier(oid) : new DERIA5String(uri, true);
        } catch (IllegalArgumentException e) {
            throw new PolicyException("invalid SPDocSpecification " + this + ": " + e.getMessage());
        }
    }

    public byte[] toDer() {
        try {
            return toAsn1().toASN1Primitive().getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new PolicyException("cannot encode SPDocSpecification: " + e.getMessage(), e);
        }
    }

    static SpDocSpecification fromAsn1(ASN1Encodable value) {
        ASN1Primitive p = value.toASN1Primitive();
        if (p instanceof ASN1ObjectIdentifier o) {
            return ofOid(o.getId());
        }
        if (p instanceof ASN1IA5String s) {
            return ofUri(s.getString());
        }
        throw new PolicyException("SPDocSpecification must be an OBJECT IDENTIFIER or an IA5String");
    }

    @Override
    public String toString() {
        return oid != null ? "oid " + oid : "uri " + uri;
    }
}
