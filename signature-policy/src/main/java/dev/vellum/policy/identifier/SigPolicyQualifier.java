package dev.vellum.policy.identifier;

import dev.vellum.policy.PolicyException;
import dev.vellum.policy.model.Bytes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.DisplayText;
import org.bouncycastle.asn1.x509.NoticeReference;

/** A SigPolicyQualifierInfo of a signature-policy-identifier (EN 319 122-1 §5.2.9.2). */
public sealed interface SigPolicyQualifier {
    String SPURI = "1.2.840.113549.1.9.16.5.1";
    String SP_USER_NOTICE = "1.2.840.113549.1.9.16.5.2";
    String SP_DOC_SPECIFICATION = "0.4.0.19122.2.1";

    String qualifierId();

    /** The qualifier value; null when it has none. */
    ASN1Encodable qualifierValue();

    /** SPuri ::= IA5String — where the policy document can be fetched. */
    record SpUri(String uri) implements SigPolicyQualifier {
        public String qualifierId() {
            return SPURI;
        }

        public ASN1Encodable qualifierValue() {
            try {
                return new DERIA5String(uri, true);
            } catch (IllegalArgumentException e) {
                throw new PolicyException("SPuri \"" + uri + "\" is not an IA5String (ASCII) URI");
            }
        }
    }

    /**
     * SPUserNotice ::= SEQUENCE { noticeRef NoticeReference OPTIONAL, explicitText DisplayText OPTIONAL };
     * text shown to a user before signing. {@code organization} null = no noticeRef.
     */
    record SpUserNotice(String organization, List<Integer> noticeNumbers, String explicitText)
            implements SigPolicyQualifier {
        public SpUserNotice {
            noticeNumbers = noticeNumbers == null ? List.of() : List.copyOf(noticeNumbers);
            if (organization == null && explicitText == null) {
                throw new PolicyException("an SPUserNotice needs a notice reference or an explicit text");
            }
            if (explicitText != null && (explicitText.isEmpty() || explicitText.length() > 200)) {
                throw new PolicyException("SPUserNotice explicitText must be 1..200 characters (DisplayText)");
            }
        }

        public String qualifierId() {
            return SP_USER_NOTICE;
        }

        public ASN1Encodable qualifierValue() {
            ASN1EncodableVector v = new ASN1EncodableVector();
            if (organization != null) {
                ASN1EncodableVector numbers = new ASN1EncodableVector();
                noticeNumbers.forEach(n -> numbers.add(new ASN1Integer(n)));
                v.add(new NoticeReference(new DisplayText(DisplayText.CONTENT_TYPE_UTF8STRING, organization),
                        numbers));
            }
            if (explicitText != null) {
                v.add(new DisplayText(DisplayText.CONTENT_TYPE_UTF8STRING, explicitText));
            }
            return new DERSequence(v);
        }
    }

    /** sp-doc-specification (EN 319 122-1 §5.2.9.2). */
    record SpDocSpec(SpDocSpecification specification) implements SigPolicyQualifier {
        public String qualifierId() {
            return SP_DOC_SPECIFICATION;
        }

        public ASN1Encodable qualifierValue() {
            return specification.toAsn1();
        }
    }

    /** A qualifier Vellum does not interpret, kept as its DER value (null when absent). */
    record Other(String qualifierId, Bytes value) implements SigPolicyQualifier {
        public ASN1Encodable qualifierValue() {
            if (value == null) {
                return null;
            }
            try {
                return ASN1Primitive.fromByteArray(value.toByteArray());
            } catch (IOException e) {
                throw new PolicyException("qualifier " + qualifierId + " value is not DER: " + e.getMessage(), e);
            }
        }
    }

    /** Reads one SigPolicyQualifierInfo ::= SEQUENCE { sigPolicyQualifierId OID, qualifier ANY OPTIONAL }. */
    static SigPolicyQualifier fromAsn1(ASN1Encodable encodable) {
        ASN1Sequence seq = ASN1Sequence.getInstance(encodable);
        if (seq.size() < 1 || seq.size() > 2) {
            throw new PolicyException("SigPolicyQualifierInfo must have one or two elements, has " + seq.size());
        }
        String id = ASN1ObjectIdentifier.getInstance(seq.getObjectAt(0)).getId();
        ASN1Encodable value = seq.size() == 2 ? seq.getObjectAt(1) : null;
        if (value == null) {
            return new Other(id, null);
        }
        switch (id) {
            case SPURI:
                return new SpUri(ASN1IA5String.getInstance(value).getString());
            case SP_USER_NOTICE:
                return userNotice(ASN1Sequence.getInstance(value));
            case SP_DOC_SPECIFICATION:
                return new SpDocSpec(SpDocSpecification.fromAsn1(value));
            default:
                try {
                    return new Other(id, Bytes.of(value.toASN1Primitive().getEncoded(ASN1Encoding.DER)));
                } catch (IOException e) {
                    throw new PolicyException("cannot re-encode qualifier " + id, e);
                }
        }
    }

    private static SpUserNotice userNotice(ASN1Sequence seq) {
        String organization = null;
        List<Integer> numbers = new ArrayList<>();
        String text = null;
        for (ASN1Encodable element : seq) {
            if (element.toASN1Primitive() instanceof ASN1Sequence) {
                NoticeReference ref = NoticeReference.getInstance(element);
                organization = ref.getOrganization().getString();
                for (ASN1Integer n : ref.getNoticeNumbers()) {
                    numbers.add(n.intValueExact());
                }
            } else {
                text = DisplayText.getInstance(element).getString();
            }
        }
        return new SpUserNotice(organization, numbers, text);
    }
}
