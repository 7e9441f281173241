package dev.vellum.policy.identifier;

import dev.vellum.policy.PolicyException;
import dev.vellum.policy.model.Bytes;
import java.io.IOException;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;

/**
 * The signature-policy-store unsigned attribute (0.4.0.19122.1.3), EN 319 122-1 §5.2.10:
 * {@code SEQUENCE { spDocSpec SPDocSpecification, spDocument CHOICE { sigPolicyEncoded OCTET STRING,
 * sigPolicyLocalURI IA5String } }}. Exactly one of {@code document} and {@code localUri} is set.
 * Only allowed when the signature's sigPolicyHash is the real digest, not the zero hash (§6.3 k).
 */
public record SignaturePolicyStore(SpDocSpecification spDocSpec, Bytes document, String localUri) {
    public static final String ATTRIBUTE_OID = "0.4.0.19122.1.3";

    public SignaturePolicyStore {
        if (spDocSpec == null) {
            throw new PolicyException("a SignaturePolicyStore needs an spDocSpec");
        }
        if ((document == null) == (localUri == null)) {
            throw new PolicyException("a SignaturePolicyStore holds either the document or a local URI");
        }
    }

    public static SignaturePolicyStore embedding(SpDocSpecification spec, Bytes document) {
        return new SignaturePolicyStore(spec, document, null);
    }

    public byte[] toDer() {
        ASN1Encodable doc = document != null ? new DEROctetString(document.toByteArray()) : new DERIA5String(localUri, true);
        try {
            return new DERSequence(new ASN1Encodable[] {spDocSpec.toAsn1(), doc}).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new PolicyException("cannot encode SignaturePolicyStore: " + e.getMessage(), e);
        }
    }

    public static SignaturePolicyStore fromDer(byte[] der) {
        try {
            ASN1Sequence seq = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(der));
            if (seq.size() != 2) {
                throw new PolicyException("SignaturePolicyStore must have 2 elements, has " + seq.size());
            }
            SpDocSpecification spec = SpDocSpecification.fromAsn1(seq.getObjectAt(0));
            ASN1Primitive doc = seq.getObjectAt(1).toASN1Primitive();
            if (doc instanceof ASN1OctetString octets) {
                return new SignaturePolicyStore(spec, Bytes.of(octets.getOctets()), null);
            }
            return new SignaturePolicyStore(spec, null, ASN1IA5String.getInstance(doc).getString());
        } catch (PolicyException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new PolicyException("malformed signature-policy-store: " + e.getMessage(), e);
        }
    }
}
