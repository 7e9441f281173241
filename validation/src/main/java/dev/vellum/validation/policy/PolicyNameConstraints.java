package dev.vellum.validation.policy;

import dev.vellum.policy.PolicyException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.NameConstraintValidatorException;
import org.bouncycastle.asn1.x509.PKIXNameConstraintValidator;

/**
 * RFC 3125 NameConstraints of a trust point (and TimestampTrustCondition.ttsNameConstraints): a name space in
 * which every subject name of the following certificates must lie, judged as RFC 5280 §4.2.1.10 /
 * §6.1.3 b–c judge a NameConstraints extension. The policy module is {@code DEFINITIONS EXPLICIT TAGS},
 * so the subtrees and the minimum/maximum of each GeneralSubtree are explicitly tagged, unlike in RFC
 * 5280; the GeneralName bases keep PKIX's implicit tags. Immutable once built.
 */
final class PolicyNameConstraints {

    private static final ASN1ObjectIdentifier EMAIL_ADDRESS = new ASN1ObjectIdentifier("1.2.840.113549.1.9.1");

    private final List<GeneralSubtree> permitted;
    private final List<GeneralSubtree> excluded;

    private PolicyNameConstraints(List<GeneralSubtree> permitted, List<GeneralSubtree> excluded) {
        this.permitted = List.copyOf(permitted);
        this.excluded = List.copyOf(excluded);
    }

    /** Parses the DER of an RFC 3125 NameConstraints. */
    static PolicyNameConstraints fromDer(byte[] der) {
        try {
            ASN1Sequence seq = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(der));
            List<GeneralSubtree> permitted = new ArrayList<>();
            List<GeneralSubtree> excluded = new ArrayList<>();
            for (ASN1Encodable e : seq) {
                ASN1TaggedObject t = ASN1TaggedObject.getInstance(e);
                List<GeneralSubtree> into = switch (t.getTagNo()) {
                    case 0 -> permitted;
                    case 1 -> excluded;
                    default -> throw new IllegalArgumentException("unexpected tag [" + t.getTagNo() + "]");
                };
                for (ASN1Encodable subtree : ASN1Sequence.getInstance(t.getExplicitBaseObject())) {
                    into.add(subtree(ASN1Sequence.getInstance(subtree)));
                }
            }
            return new PolicyNameConstraints(permitted, excluded);
        } catch (Exception e) {
            throw new PolicyException("the policy's NameConstraints cannot be read: " + e.getMessage(), e);
        }
    }

    // GeneralSubtree ::= SEQUENCE { base GeneralName, minimum [0] BaseDistance DEFAULT 0, maximum [1] BaseDistance OPTIONAL }
    private static GeneralSubtree subtree(ASN1Sequence s) {
        GeneralName base = GeneralName.getInstance(s.getObjectAt(0));
        java.math.BigInteger min = null;
        java.math.BigInteger max = null;
        for (int i = 1; i < s.size(); i++) {
            ASN1TaggedObject t = ASN1TaggedObject.getInstance(s.getObjectAt(i));
            java.math.BigInteger v = ASN1Integer.getInstance(t.getExplicitBaseObject()).getValue();
            if (t.getTagNo() == 0) {
                min = v;
            } else {
                max = v;
            }
        }
        return new GeneralSubtree(base, min, max);
    }

    /** The first name of {@code names} outside the constraints, described; empty when all are inside. */
    Optional<String> violation(Collection<GeneralName> names) {
        PKIXNameConstraintValidator v = validator();
        for (GeneralName n : names) {
            try {
                if (n.getTagNo() == GeneralName.directoryName) {
                    X500Name dn = X500Name.getInstance(n.getName());
                    v.checkPermittedDN(dn);
                    v.checkExcludedDN(dn);
                } else {
                    v.checkPermitted(n);
                    v.checkExcluded(n);
                }
            } catch (NameConstraintValidatorException e) {
                return Optional.of(describe(n) + " is outside the permitted name space (" + e.getMessage() + ")");
            }
        }
        return Optional.empty();
    }

    /** A certificate's names as RFC 5280 §6.1.3 b–c checks them: subject DN, its emailAddress values, subjectAltName. */
    static List<GeneralName> namesOf(X509Certificate c) {
        List<GeneralName> names = new ArrayList<>();
        X500Name subject = X500Name.getInstance(c.getSubjectX500Principal().getEncoded());
        if (subject.getRDNs().length > 0) {
            names.add(new GeneralName(subject));
        }
        for (RDN rdn : subject.getRDNs()) {
            for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
                if (atv.getType().equals(EMAIL_ADDRESS) && atv.getValue() instanceof ASN1String s) {
                    names.add(new GeneralName(GeneralName.rfc822Name, s.getString()));
                }
            }
        }
        try {
            if (c.getSubjectAlternativeNames() != null) {
                byte[] ext = c.getExtensionValue("2.5.29.17");
                ASN1Sequence sans = ASN1Sequence.getInstance(
                        org.bouncycastle.asn1.ASN1OctetString.getInstance(ext).getOctets());
                for (ASN1Encodable san : sans) {
                    names.add(GeneralName.getInstance(san));
                }
            }
        } catch (CertificateParsingException | RuntimeException e) {
            throw new PolicyException("the subjectAltName of " + c.getSubjectX500Principal() + " cannot be read", e);
        }
        return names;
    }

    private PKIXNameConstraintValidator validator() {
        PKIXNameConstraintValidator v = new PKIXNameConstraintValidator();
        if (!permitted.isEmpty()) {
            v.intersectPermittedSubtree(permitted.toArray(GeneralSubtree[]::new));
        }
        excluded.forEach(v::addExcludedSubtree);
        return v;
    }

    static String describe(GeneralName n) {
        String kind = switch (n.getTagNo()) {
            case GeneralName.directoryName -> "directoryName";
            case GeneralName.rfc822Name -> "rfc822Name";
            case GeneralName.dNSName -> "dNSName";
            case GeneralName.uniformResourceIdentifier -> "uri";
            case GeneralName.iPAddress -> "iPAddress";
            default -> "name [" + n.getTagNo() + "]";
        };
        String value = n.getTagNo() == GeneralName.directoryName ? X500Name.getInstance(n.getName()).toString()
                : n.getName() instanceof ASN1String s ? s.getString() : n.getName().toString();
        return kind + " \"" + value + "\"";
    }
}
