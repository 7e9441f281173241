package dev.vellum.policy.identifier;

import dev.vellum.policy.PolicyException;
import dev.vellum.policy.PolicyHash;
import dev.vellum.policy.model.Bytes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Null;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/**
 * The value of the signature-policy-identifier signed attribute (1.2.840.113549.1.9.16.2.15),
 * EN 319 122-1 §5.2.9.1: {@code SignaturePolicyId ::= SEQUENCE { sigPolicyId, sigPolicyHash,
 * sigPolicyQualifiers OPTIONAL }} (the {@code signaturePolicyImplied} choice is not used).
 * {@link #toDer()} is the attribute value a signer embeds; {@link #fromDer} reads one from a signature.
 */
public record SignaturePolicyId(String sigPolicyId, PolicyHash sigPolicyHash, List<SigPolicyQualifier> qualifiers) {
    public static final String ATTRIBUTE_OID = "1.2.840.113549.1.9.16.2.15";

    public SignaturePolicyId {
        if (sigPolicyId == null || sigPolicyHash == null) {
            throw new PolicyException("a SignaturePolicyId needs a policy OID and a hash");
        }
        qualifiers = qualifiers == null ? List.of() : List.copyOf(qualifiers);
    }

    /** DER of SignaturePolicyIdentifier (= the SignaturePolicyId SEQUENCE). Hash algorithm parameters are absent. */
    public byte[] toDer() {
        ASN1EncodableVector hash = new ASN1EncodableVector();
        hash.add(new AlgorithmIdentifier(new ASN1ObjectIdentifier(sigPolicyHash.algorithmOid())));
        hash.add(new DEROctetString(sigPolicyHash.value().toByteArray()));
        ASN1EncodableVector v = new ASN1EncodableVector();
        v.add(new ASN1ObjectIdentifier(sigPolicyId));
        v.add(new DERSequence(hash));
        if (!qualifiers.isEmpty()) {
            ASN1EncodableVector qs = new ASN1EncodableVector();
            for (SigPolicyQualifier q : qualifiers) {
                ASN1Encodable value = q.qualifierValue();
                qs.add(value == null ? new DERSequence(new ASN1ObjectIdentifier(q.qualifierId()))
                        : new DERSequence(new ASN1Encodable[] {new ASN1ObjectIdentifier(q.qualifierId()), value}));
            }
            v.add(new DERSequence(qs));
        }
        try {
            return new DERSequence(v).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new PolicyException("cannot encode SignaturePolicyId: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a signature-policy-identifier attribute value. Fails for {@code signaturePolicyImplied}
     * (NULL), which EN 319 122-1 says shall not be used.
     */
    public static SignaturePolicyId fromDer(byte[] der) {
        try {
            ASN1Primitive p = ASN1Primitive.fromByteArray(der);
            if (p instanceof ASN1Null) {
                throw new PolicyException("signature-policy-identifier is signaturePolicyImplied (NULL), which "
                        + "EN 319 122-1 §5.2.9.1 says shall not be used; no policy can be identified");
            }
            ASN1Sequence seq = ASN1Sequence.getInstance(p);
            if (seq.size() < 2 || seq.size() > 3) {
                throw new PolicyException("SignaturePolicyId must have 2 or 3 elements, has " + seq.size());
            }
            String oid = ASN1ObjectIdentifier.getInstance(seq.getObjectAt(0)).getId();
            ASN1Sequence hash = ASN1Sequence.getInstance(seq.getObjectAt(1));
            if (hash.size() != 2) {
                throw new PolicyException("sigPolicyHash (OtherHashAlgAndValue) must have 2 elements");
            }
            String alg = AlgorithmIdentifier.getInstance(hash.getObjectAt(0)).getAlgorithm().getId();
            Bytes value = Bytes.of(ASN1OctetString.getInstance(hash.getObjectAt(1)).getOctets());
            List<SigPolicyQualifier> qualifiers = new ArrayList<>();
            if (seq.size() == 3) {
                for (ASN1Encodable q : ASN1Sequence.getInstance(seq.getObjectAt(2))) {
                    qualifiers.add(SigPolicyQualifier.fromAsn1(q));
                }
            }
            return new SignaturePolicyId(oid, new PolicyHash(alg, value), qualifiers);
        } catch (PolicyException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new PolicyException("malformed signature-policy-identifier: " + e.getMessage(), e);
        }
    }
}
