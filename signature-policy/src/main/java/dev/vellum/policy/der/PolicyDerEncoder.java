package dev.vellum.policy.der;

import static dev.vellum.policy.der.DerWriter.explicit;
import static dev.vellum.policy.der.DerWriter.primitive;
import static dev.vellum.policy.der.DerWriter.sequence;

import dev.vellum.policy.PolicyException;
import dev.vellum.policy.model.AlgAndLength;
import dev.vellum.policy.model.AlgorithmConstraintSet;
import dev.vellum.policy.model.AlgorithmId;
import dev.vellum.policy.model.AttributeConstraints;
import dev.vellum.policy.model.AttributeTrustCondition;
import dev.vellum.policy.model.Bytes;
import dev.vellum.policy.model.CertRevReq;
import dev.vellum.policy.model.CertificateTrustPoint;
import dev.vellum.policy.model.CommitmentRule;
import dev.vellum.policy.model.CommitmentType;
import dev.vellum.policy.model.CommonRules;
import dev.vellum.policy.model.DeltaTime;
import dev.vellum.policy.model.DirectoryText;
import dev.vellum.policy.model.IssuerName;
import dev.vellum.policy.model.PolicyConstraints;
import dev.vellum.policy.model.RevReq;
import dev.vellum.policy.model.SelectedCommitmentType;
import dev.vellum.policy.model.SignPolExtension;
import dev.vellum.policy.model.SignPolicyInfo;
import dev.vellum.policy.model.SignatureValidationPolicy;
import dev.vellum.policy.model.SignaturePolicy;
import dev.vellum.policy.model.SignerAndVerifierRules;
import dev.vellum.policy.model.SignerRules;
import dev.vellum.policy.model.SigningCertTrustCondition;
import dev.vellum.policy.model.SigningPeriod;
import dev.vellum.policy.model.TimestampTrustCondition;
import dev.vellum.policy.model.VerifierRules;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.bouncycastle.asn1.ASN1Boolean;
import org.bouncycastle.asn1.ASN1Enumerated;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERGeneralizedTime;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERT61String;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.DERUniversalString;

/** Writes the model as DER (RFC 3125 Annex A.1, EXPLICIT TAGS; X.690 DER rules for times and booleans). */
public final class PolicyDerEncoder {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private PolicyDerEncoder() {
    }

    public static byte[] encode(SignaturePolicy policy) {
        List<byte[]> parts = new ArrayList<>(List.of(algorithmId(policy.signPolicyHashAlg()),
                signPolicyInfo(policy.signPolicyInfo())));
        if (policy.signPolicyHash() != null) {
            parts.add(octets(policy.signPolicyHash()));
        }
        return sequence(parts);
    }

    public static byte[] algorithmId(AlgorithmId alg) {
        return alg.parameters() == null ? sequence(oid(alg.algorithm()))
                : sequence(oid(alg.algorithm()), raw(alg.parameters(), "AlgorithmIdentifier.parameters"));
    }

    public static byte[] signPolicyInfo(SignPolicyInfo info) {
        List<byte[]> parts = new ArrayList<>();
        parts.add(oid(info.signPolicyIdentifier()));
        parts.add(time(info.dateOfIssue()));
        parts.add(sequence(info.policyIssuerName().stream().map(IssuerNames::encode).toList()));
        parts.add(directoryText(info.fieldOfApplication()));
        parts.add(signatureValidationPolicy(info.signatureValidationPolicy()));
        if (info.signPolExtensions() != null) {
            parts.add(extensions(info.signPolExtensions()));
        }
        return sequence(parts);
    }

    private static byte[] signatureValidationPolicy(SignatureValidationPolicy svp) {
        List<byte[]> parts = new ArrayList<>();
        parts.add(signingPeriod(svp.signingPeriod()));
        parts.add(sequence(rules(svp.commonRules())));
        parts.add(list(svp.commitmentRules(), PolicyDerEncoder::commitmentRule));
        if (svp.signPolExtensions() != null) {
            parts.add(extensions(svp.signPolExtensions()));
        }
        return sequence(parts);
    }

    private static byte[] signingPeriod(SigningPeriod period) {
        return period.notAfter() == null ? sequence(time(period.notBefore()))
                : sequence(time(period.notBefore()), time(period.notAfter()));
    }

    private static byte[] commitmentRule(CommitmentRule rule) {
        List<byte[]> parts = new ArrayList<>();
        parts.add(list(rule.selCommitmentTypes(), PolicyDerEncoder::selectedCommitmentType));
        parts.addAll(rules(rule.rules()));
        return sequence(parts);
    }

    private static List<byte[]> rules(CommonRules r) {
        List<byte[]> parts = new ArrayList<>();
        if (r.signerAndVeriferRules() != null) {
            parts.add(explicit(0, signerAndVerifierRules(r.signerAndVeriferRules())));
        }
        if (r.signingCertTrustCondition() != null) {
            parts.add(explicit(1, signingCertTrustCondition(r.signingCertTrustCondition())));
        }
        if (r.timeStampTrustCondition() != null) {
            parts.add(explicit(2, timestampTrustCondition(r.timeStampTrustCondition())));
        }
        if (r.attributeTrustCondition() != null) {
            parts.add(explicit(3, attributeTrustCondition(r.attributeTrustCondition())));
        }
        if (r.algorithmConstraintSet() != null) {
            parts.add(explicit(4, algorithmConstraintSet(r.algorithmConstraintSet())));
        }
        if (r.signPolExtensions() != null) {
            parts.add(explicit(5, extensions(r.signPolExtensions())));
        }
        return parts;
    }

    private static byte[] selectedCommitmentType(SelectedCommitmentType selected) {
        if (selected.isEmpty()) {
            return primitive(DERNull.INSTANCE);
        }
        CommitmentType type = selected.recognized();
        List<byte[]> parts = new ArrayList<>();
        parts.add(oid(type.identifier()));
        if (type.fieldOfApplication() != null) {
            parts.add(explicit(0, directoryText(type.fieldOfApplication())));
        }
        if (type.semantics() != null) {
            parts.add(explicit(1, directoryText(type.semantics())));
        }
        return sequence(parts);
    }

    private static byte[] signerAndVerifierRules(SignerAndVerifierRules svr) {
        return sequence(signerRules(svr.signerRules()), verifierRules(svr.verifierRules()));
    }

    private static byte[] signerRules(SignerRules r) {
        List<byte[]> parts = new ArrayList<>();
        if (r.externalSignedData() != null) {
            parts.add(primitive(ASN1Boolean.getInstance(r.externalSignedData().booleanValue())));
        }
        parts.add(oids(r.mandatedSignedAttr()));
        parts.add(oids(r.mandatedUnsignedAttr()));
        if (r.mandatedCertificateRef() != null) {
            parts.add(explicit(0, primitive(new ASN1Enumerated(r.mandatedCertificateRef().value()))));
        }
        if (r.mandatedCertificateInfo() != null) {
            parts.add(explicit(1, primitive(new ASN1Enumerated(r.mandatedCertificateInfo().value()))));
        }
        if (r.signPolExtensions() != null) {
            parts.add(explicit(2, extensions(r.signPolExtensions())));
        }
        return sequence(parts);
    }

    private static byte[] verifierRules(VerifierRules r) {
        return r.signPolExtensions() == null ? sequence(oids(r.mandatedUnsignedAttr()))
                : sequence(oids(r.mandatedUnsignedAttr()), extensions(r.signPolExtensions()));
    }

    private static byte[] signingCertTrustCondition(SigningCertTrustCondition c) {
        return sequence(list(c.signerTrustTrees(), PolicyDerEncoder::trustPoint), certRevReq(c.signerRevReq()));
    }

    private static byte[] trustPoint(CertificateTrustPoint tp) {
        List<byte[]> parts = new ArrayList<>();
        parts.add(raw(tp.trustpoint(), "CertificateTrustPoint.trustpoint"));
        if (tp.pathLenConstraint() != null) {
            parts.add(explicit(0, integer(tp.pathLenConstraint())));
        }
        if (tp.acceptablePolicySet() != null) {
            parts.add(explicit(1, oids(tp.acceptablePolicySet())));
        }
        if (tp.nameConstraints() != null) {
            parts.add(explicit(2, raw(tp.nameConstraints(), "CertificateTrustPoint.nameConstraints")));
        }
        if (tp.policyConstraints() != null) {
            parts.add(explicit(3, policyConstraints(tp.policyConstraints())));
        }
        return sequence(parts);
    }

    private static byte[] policyConstraints(PolicyConstraints pc) {
        List<byte[]> parts = new ArrayList<>();
        if (pc.requireExplicitPolicy() != null) {
            parts.add(explicit(0, integer(pc.requireExplicitPolicy())));
        }
        if (pc.inhibitPolicyMapping() != null) {
            parts.add(explicit(1, integer(pc.inhibitPolicyMapping())));
        }
        return sequence(parts);
    }

    private static byte[] certRevReq(CertRevReq c) {
        return sequence(revReq(c.endCertRevReq()), explicit(0, revReq(c.caCerts())));
    }

    private static byte[] revReq(RevReq r) {
        byte[] enu = primitive(new ASN1Enumerated(r.enuRevReq().value()));
        return r.exRevReq() == null ? sequence(enu) : sequence(enu, extensions(r.exRevReq()));
    }

    private static byte[] timestampTrustCondition(TimestampTrustCondition t) {
        List<byte[]> parts = new ArrayList<>();
        if (t.ttsCertificateTrustTrees() != null) {
            parts.add(explicit(0, list(t.ttsCertificateTrustTrees(), PolicyDerEncoder::trustPoint)));
        }
        if (t.ttsRevReq() != null) {
            parts.add(explicit(1, certRevReq(t.ttsRevReq())));
        }
        if (t.ttsNameConstraints() != null) {
            parts.add(explicit(2, raw(t.ttsNameConstraints(), "TimestampTrustCondition.ttsNameConstraints")));
        }
        if (t.cautionPeriod() != null) {
            parts.add(explicit(3, deltaTime(t.cautionPeriod())));
        }
        if (t.signatureTimestampDelay() != null) {
            parts.add(explicit(4, deltaTime(t.signatureTimestampDelay())));
        }
        return sequence(parts);
    }

    private static byte[] deltaTime(DeltaTime d) {
        return sequence(integer(d.deltaSeconds()), integer(d.deltaMinutes()), integer(d.deltaHours()),
                integer(d.deltaDays()));
    }

    private static byte[] attributeTrustCondition(AttributeTrustCondition a) {
        List<byte[]> parts = new ArrayList<>();
        parts.add(primitive(ASN1Boolean.getInstance(a.attributeMandated())));
        parts.add(primitive(new ASN1Enumerated(a.howCertAttribute().value())));
        if (a.attrCertificateTrustTrees() != null) {
            parts.add(explicit(0, list(a.attrCertificateTrustTrees(), PolicyDerEncoder::trustPoint)));
        }
        if (a.attrRevReq() != null) {
            parts.add(explicit(1, certRevReq(a.attrRevReq())));
        }
        if (a.attributeConstraints() != null) {
            parts.add(explicit(2, attributeConstraints(a.attributeConstraints())));
        }
        return sequence(parts);
    }

    private static byte[] attributeConstraints(AttributeConstraints c) {
        List<byte[]> parts = new ArrayList<>();
        if (c.attributeTypeConstraints() != null) {
            parts.add(explicit(0, oids(c.attributeTypeConstraints())));
        }
        if (c.attributeValueConstraints() != null) {
            parts.add(explicit(1, list(c.attributeValueConstraints(),
                    tv -> sequence(oid(tv.type()), raw(tv.value(), "AttributeTypeAndValue.value")))));
        }
        return sequence(parts);
    }

    private static byte[] algorithmConstraintSet(AlgorithmConstraintSet s) {
        List<List<AlgAndLength>> sets = java.util.Arrays.asList(s.signerAlgorithmConstraints(),
                s.eeCertAlgorithmConstraints(), s.caCertAlgorithmConstraints(), s.aaCertAlgorithmConstraints(),
                s.tsaCertAlgorithmConstraints());
        List<byte[]> parts = new ArrayList<>();
        for (int tag = 0; tag < sets.size(); tag++) {
            if (sets.get(tag) != null) {
                parts.add(explicit(tag, list(sets.get(tag), PolicyDerEncoder::algAndLength)));
            }
        }
        return sequence(parts);
    }

    private static byte[] algAndLength(AlgAndLength a) {
        List<byte[]> parts = new ArrayList<>();
        parts.add(oid(a.algID()));
        if (a.minKeyLength() != null) {
            parts.add(integer(a.minKeyLength()));
        }
        if (a.other() != null) {
            parts.add(extensions(a.other()));
        }
        return sequence(parts);
    }

    static byte[] extensions(List<SignPolExtension> extensions) {
        return list(extensions, x -> sequence(oid(x.extnID()), octets(x.extnValue())));
    }

    // ---- primitives ----

    private static <T> byte[] list(List<T> items, Function<T, byte[]> encoder) {
        return sequence(items.stream().map(encoder).toList());
    }

    private static byte[] oids(List<String> oids) {
        return list(oids, PolicyDerEncoder::oid);
    }

    static byte[] oid(String oid) {
        try {
            return primitive(new ASN1ObjectIdentifier(oid));
        } catch (IllegalArgumentException e) {
            throw new PolicyException("\"" + oid + "\" is not a valid object identifier");
        }
    }

    private static byte[] integer(long value) {
        return primitive(new ASN1Integer(value));
    }

    private static byte[] octets(Bytes value) {
        return primitive(new DEROctetString(value.toByteArray()));
    }

    private static byte[] raw(Bytes der, String field) {
        byte[] bytes = der.toByteArray();
        if (bytes.length < 2) {
            throw new PolicyException(field + " is not a DER value");
        }
        return bytes;
    }

    /** X.690 §11.7: GeneralizedTime in UTC with "Z", seconds always present, no trailing fraction zeros. */
    static byte[] time(Instant instant) {
        String text = SECONDS.format(instant);
        if (instant.getNano() != 0) {
            text += "." + BigDecimal.valueOf(instant.getNano(), 9).stripTrailingZeros().toPlainString().substring(2);
        }
        return primitive(new DERGeneralizedTime(text + "Z"));
    }

    static byte[] directoryText(DirectoryText text) {
        return switch (text.type()) {
            case UTF8_STRING -> primitive(new DERUTF8String(text.text()));
            case PRINTABLE_STRING -> {
                if (!DERPrintableString.isPrintableString(text.text())) {
                    throw new PolicyException("\"" + text.text() + "\" contains characters a PrintableString cannot hold");
                }
                yield primitive(new DERPrintableString(text.text()));
            }
            case TELETEX_STRING -> primitive(new DERT61String(text.text()));
            case BMP_STRING -> primitive(new DERBMPString(text.text()));
            case UNIVERSAL_STRING -> primitive(new DERUniversalString(text.text().getBytes(Charset.forName("UTF-32BE"))));
        };
    }
}
