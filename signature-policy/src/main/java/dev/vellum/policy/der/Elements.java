package dev.vellum.policy.der;

import dev.vellum.policy.PolicyException;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.BERTags;

/**
 * A cursor over the elements of one ASN.1 SEQUENCE that knows where it is in the policy, so that
 * every decoding error names the field ("signPolicyInfo.dateOfIssue: expected GeneralizedTime").
 */
final class Elements {
    private final ASN1Sequence sequence;
    private final String path;
    private int index;

    private Elements(ASN1Sequence sequence, String path) {
        this.sequence = sequence;
        this.path = path;
    }

    static Elements of(ASN1Encodable value, String path) {
        return new Elements(expect(value, ASN1Sequence.class, path, "SEQUENCE"), path);
    }

    static <T> T expect(ASN1Encodable value, Class<T> type, String path, String asn1Type) {
        ASN1Primitive primitive = value.toASN1Primitive();
        if (!type.isInstance(primitive)) {
            throw malformed(path, "expected " + asn1Type + ", found " + describe(primitive));
        }
        return type.cast(primitive);
    }

    static PolicyException malformed(String path, String reason) {
        return new PolicyException("malformed signature policy DER at " + path + ": " + reason);
    }

    static String describe(ASN1Primitive primitive) {
        if (primitive instanceof ASN1TaggedObject tagged) {
            return "[" + tagged.getTagNo() + "] tagged value";
        }
        return primitive.getClass().getSimpleName().replace("DER", "").replace("DL", "").replace("ASN1", "");
    }

    String path() {
        return path;
    }

    String childPath(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    boolean hasNext() {
        return index < sequence.size();
    }

    ASN1Encodable next(String field) {
        if (!hasNext()) {
            throw malformed(childPath(field), "mandatory field missing");
        }
        return sequence.getObjectAt(index++);
    }

    boolean nextIs(Class<?> type) {
        return hasNext() && type.isInstance(sequence.getObjectAt(index).toASN1Primitive())
                && !(sequence.getObjectAt(index).toASN1Primitive() instanceof ASN1TaggedObject);
    }

    /** The content of an OPTIONAL {@code [tagNo] EXPLICIT} field if it comes next, else null. */
    ASN1Encodable optionalExplicit(int tagNo, String field) {
        if (!hasNext()) {
            return null;
        }
        ASN1Primitive candidate = sequence.getObjectAt(index).toASN1Primitive();
        if (!(candidate instanceof ASN1TaggedObject tagged) || tagged.getTagClass() != BERTags.CONTEXT_SPECIFIC
                || tagged.getTagNo() != tagNo) {
            return null;
        }
        index++;
        return explicitContent(tagged, childPath(field));
    }

    static ASN1Encodable explicitContent(ASN1TaggedObject tagged, String path) {
        if (!tagged.isExplicit()) {
            throw malformed(path, "[" + tagged.getTagNo() + "] must be an EXPLICIT tag (RFC 3125 module uses EXPLICIT TAGS)");
        }
        return tagged.getExplicitBaseObject();
    }

    /** Fails when elements are left over: they would be silently dropped on re-encoding. */
    void end() {
        if (hasNext()) {
            throw malformed(path.isEmpty() ? "top level" : path, "unexpected element " + (index + 1) + " ("
                    + describe(sequence.getObjectAt(index).toASN1Primitive()) + ")");
        }
    }
}
