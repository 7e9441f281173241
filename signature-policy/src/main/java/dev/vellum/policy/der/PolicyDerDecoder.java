package dev.vellum.policy.der;

import static dev.vellum.policy.der.Elements.expect;
import static dev.vellum.policy.der.Elements.malformed;

import dev.vellum.policy.PolicyException;
import dev.vellum.policy.model.AlgAndLength;
import dev.vellum.policy.model.AlgorithmConstraintSet;
import dev.vellum.policy.model.AlgorithmId;
import dev.vellum.policy.model.AttributeConstraints;
import dev.vellum.policy.model.AttributeConstraints.AttributeValueConstraint;
import dev.vellum.policy.model.AttributeTrustCondition;
import dev.vellum.policy.model.Bytes;
import dev.vellum.policy.model.CertInfoReq;
import dev.vellum.policy.model.CertRefReq;
import dev.vellum.policy.model.CertRevReq;
import dev.vellum.policy.model.CertificateTrustPoint;
import dev.vellum.policy.model.CommitmentRule;
import dev.vellum.policy.model.CommitmentType;
import dev.vellum.policy.model.CommonRules;
import dev.vellum.policy.model.DeltaTime;
import dev.vellum.policy.model.DirectoryText;
import dev.vellum.policy.model.EnuRevReq;
import dev.vellum.policy.model.HowCertAttribute;
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
import java.io.IOException;
import java.nio.charset.Charset;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.bouncycastle.asn1.ASN1BMPString;
import org.bouncycastle.asn1.ASN1Boolean;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Enumerated;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Null;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1PrintableString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1T61String;
import org.bouncycastle.asn1.ASN1UTF8String;
import org.bouncycastle.asn1.ASN1UniversalString;

/**
 * Reads an RFC 3125 SignaturePolicy from DER into the model (RFC 3125 Annex A.1, EXPLICIT TAGS).
 * Every field we model is kept exactly, so {@link PolicyDerEncoder} reproduces a DER input byte for
 * byte. Anything malformed — wrong type, missing field, trailing data, out-of-range integer — is a
 * {@link PolicyException} naming the field.
 */
public final class PolicyDerDecoder {
    /** Policies are small (ICP-Brasil's are 3–12 KB); refuse anything absurd before parsing it. */
    public static final int MAX_POLICY_SIZE = 4 * 1024 * 1024;

    private PolicyDerDecoder() {
    }

    public static SignaturePolicy decode(byte[] der) {
        if (der == null || der.length == 0) {
            throw new PolicyException("signature policy DER is empty");
        }
        if (der.length > MAX_POLICY_SIZE) {
            throw new PolicyException("signature policy DER is " + der.length + " bytes, more than the "
                    + MAX_POLICY_SIZE + " accepted");
        }
        try {
            return signaturePolicy(parse(der));
        } catch (PolicyException e) {
            throw e;
        } catch (RuntimeException e) {
            // Bouncy Castle reports some structural errors as unchecked exceptions of its own.
            throw new PolicyException("malformed signature policy DER: " + e.getMessage(), e);
        }
    }

    static ASN1Primitive parse(byte[] der) {
        try (ASN1InputStream in = new ASN1InputStream(der)) {
            ASN1Primitive top = in.readObject();
            if (top == null) {
                throw new PolicyException("malformed signature policy DER: no ASN.1 value");
            }
            if (in.readObject() != null) {
                throw new PolicyException("malformed signature policy DER: trailing data after the SignaturePolicy");
            }
            return top;
        } catch (IOException e) {
            throw new PolicyException("malformed signature policy DER: " + e.getMessage(), e);
        }
    }

    private static SignaturePolicy signaturePolicy(ASN1Primitive top) {
        Elements e = Elements.of(top, "");
        AlgorithmId alg = algorithmId(e.next("signPolicyHashAlg"), "signPolicyHashAlg");
        SignPolicyInfo info = signPolicyInfo(e.next("signPolicyInfo"), "signPolicyInfo");
        Bytes hash = e.hasNext() ? octets(e.next("signPolicyHash"), "signPolicyHash") : null;
        e.end();
        return new SignaturePolicy(alg, info, hash);
    }

    static AlgorithmId algorithmId(ASN1Encodable value, String path) {
        Elements e = Elements.of(value, path);
        String oid = oid(e.next("algorithm"), e.childPath("algorithm"));
        Bytes params = e.hasNext() ? der(e.next("parameters")) : null;
        e.end();
        return new AlgorithmId(oid, params);
    }

    private static SignPolicyInfo signPolicyInfo(ASN1Encodable value, String path) {
        Elements e = Elements.of(value, path);
        String id = oid(e.next("signPolicyIdentifier"), e.childPath("signPolicyIdentifier"));
        Instant issued = time(e.next("dateOfIssue"), e.childPath("dateOfIssue"));
        List<IssuerName> issuer = IssuerNames.decode(e.next("policyIssuerName"), e.childPath("policyIssuerName"));
        DirectoryText field = directoryText(e.next("fieldOfApplication"), e.childPath("fieldOfApplication"));
        SignatureValidationPolicy svp = signatureValidationPolicy(e.next("signatureValidationPolicy"),
                e.childPath("signatureValidationPolicy"));
        List<SignPolExtension> ext = e.hasNext() ? extensions(e.next("signPolExtensions"), e.childPath("signPolExtensions")) : null;
        e.end();
        return new SignPolicyInfo(id, issued, issuer, field, svp, ext);
    }

    private static SignatureValidationPolicy signatureValidationPolicy(ASN1Encodable value, String path) {
        Elements e = Elements.of(value, path);
        SigningPeriod period = signingPeriod(e.next("signingPeriod"), e.childPath("signingPeriod"));
        CommonRules common = rules(Elements.of(e.next("commonRules"), e.childPath("commonRules")));
        List<CommitmentRule> commitment = list(e.next("commitmentRules"), e.childPath("commitmentRules"),
                PolicyDerDecoder::commitmentRule);
        List<SignPolExtension> ext = e.hasNext() ? extensions(e.next("signPolExtensions"), e.childPath("signPolExtensions")) : null;
        e.end();
        return new SignatureValidationPolicy(period, common, commitment, ext);
    }

    private static SigningPeriod signingPeriod(ASN1Encodable value, String path) {
        Elements e = Elements.of(value, path);
        Instant notBefore = time(e.next("notBefore"), e.childPath("notBefore"));
        Instant notAfter = e.hasNext() ? time(e.next("notAfter"), e.childPath("notAfter")) : null;
        e.end();
        return new SigningPeriod(notBefore, notAfter);
    }

    private static CommitmentRule commitmentRule(ASN1Encodable value, String path) {
        Elements e = Elements.of(value, path);
        List<SelectedCommitmentType> selected = list(e.next("selCommitmentTypes"), e.childPath("selCommitmentTypes"),
                PolicyDerDecoder::selectedCommitmentType);
        return new CommitmentRule(selected, rules(e));
    }

    /** The [0]..[5] fields shared by CommonRules and CommitmentRule, read from where the cursor stands. */
    private static CommonRules rules(Elements e) {
        ASN1Encodable v;
        SignerAndVerifierRules svr = (v = e.optionalExplicit(0, "signerAndVeriferRules")) == null ? null
                : signerAndVerifierRules(v, e.childPath("signerAndVeriferRules"));
        SigningCertTrustCondition sctc = (v = e.optionalExplicit(1, "signingCertTrustCondition")) == null ? null
                : signingCertTrustCondition(v, e.childPath("signingCertTrustCondition"));
        TimestampTrustCondition ttc = (v = e.optionalExplicit(2, "timeStampTrustCondition")) == null ? null
                : timestampTrustCondition(v, e.childPath("timeStampTrustCondition"));
        AttributeTrustCondition atc = (v = e.optionalExplicit(3, "attributeTrustCondition")) == null ? null
                : attributeTrustCondition(v, e.childPath("attributeTrustCondition"));
        AlgorithmConstraintSet acs = (v = e.optionalExplicit(4, "algorithmConstraintSet")) == null ? null
                : algorithmConstraintSet(v, e.childPath("algorithmConstraintSet"));
        List<SignPolExtension> ext = (v = e.optionalExplicit(5, "signPolExtensions")) == null ? null
                : extensions(v, e.childPath("signPolExtensions"));
        e.end();
        return new CommonRules(svr, sctc, ttc, atc, acs, ext);
    }

    private static SelectedCommitmentType selectedCommitmentType(ASN1Encodable value, String path) {
        if (value.toASN1Primitive() instanceof ASN1Null) {
            return SelectedCommitmentType.EMPTY;
        }
        Elements e = Elements.of(value, path);
        String id = oid(e.next("identifier"), e.childPath("identifier"));
        ASN1Encodable v;
        DirectoryText field = (v = e.optionalExplicit(0, "fieldOfApplication")) == null ? null
                : directoryText(v, e.childPath("fieldOfApplication"));
        DirectoryText semantics = (v = e.optionalExplicit(1, "semantics")) == null ? null
                : directoryText(v, e.childPath("semantics"));
        e.end();
        return new SelectedCommitmentType(new CommitmentType(id, field, semantics));
    }

    private static SignerAndVerifierRules signerAndVerifierRules(ASN1Encodable value, String path) {
        Elements e = Elements.of(value, path);
        SignerRules signer = signerRules(e.next("signerRules"), e.childPath("signerRules"));
        VerifierRules verifier = verifierRules(e.next("verifierRules"), e.childPath("verifierRules"));
        e.end();
        return new SignerAndVerifierRules(signer, verifier);
    }

    private static SignerRules signerRules(ASN1Encodable value, String path) {
        Elements e = Elements.of(value, path);
        Boolean external = e.nextIs(ASN1Boolean.class)
                ? expect(e.next("externalSignedData"), ASN1Boolean.class, e.childPath("externalSignedData"), "BOOLEAN").isTrue()
                : null;
        List<String> signed = oids(e.next("mandatedSignedAttr"), e.childPath("mandatedSignedAttr"));
        List<String> unsigned = oids(e.next("mandatedUnsignedAttr"), e.childPath("mandatedUnsignedAttr"));
        ASN1Encodable v;
        CertRefReq ref = (v = e.optionalExplicit(0, "mandatedCertificateRef")) == null ? null
                : CertRefReq.of(enumerated(v, e.childPath("mandatedCertificateRef")));
        CertInfoReq info = (v = e.optionalExplicit(1, "mandatedCertificateInfo")) == null ? null
                : CertInfoReq.of(enumerated(v, e.childPath("mandatedCertificateInfo")));
        List<SignPolExtension> ext = (v = e.optionalExplicit(2, "signPolExtensions")) == null ? null
                : extensions(v, e.childPath("signPolExtensions"));
        e.end();
        return new SignerRules(external, signed, unsigned, ref, info, ext);
    }

    private static VerifierRules verifierRules(ASN1Encodable value, String path) {
        Elements e = Elements.of(value, path);
        List<String> unsigned = oids(e.next("mandatedUnsignedAttr"), e.childPath("mandatedUnsignedAttr"));
        List<SignPolExtension> ext = e.hasNext() ? extensions(e.next("signPolExtensions"), e.childPath("signPolExtensions")) : null;
        e.end();
        return new VerifierRules(unsigned, ext);
    }

    private static SigningCertTrustCondition signingCertTrustCondition(ASN1Encodable value, String path) {
        Elements e = Elements.of(value, path);
        List<CertificateTrustPoint> trees = trustTrees(e.next("signerTrustTrees"), e.childPath("signerTrustTrees"));
        CertRevReq rev = certRevReq(e.next("signerRevReq"), e.childPath("signerRevReq"));
        e.end();
        return new SigningCertTrustCondition(trees, rev);
    }

    private static List<CertificateTrustPoint> trustTrees(ASN1Encodable value, String path) {
        return list(value, path, PolicyDerDecoder::trustPoint);
    }

    private static CertificateTrustPoint trustPoint(ASN1Encodable value, String path) {
        Elements e = Elements.of(value, path);
        ASN1Encodable cert = e.next("trustpoint");
        try {
            org.bouncycastle.asn1.x509.Certificate.getInstance(cert);
        } catch (RuntimeException ex) {
            throw malformed(e.childPath("trustpoint"), "not an X.509 certificate (" + ex.getMessage() + ")");
        }
        ASN1Encodable v;
        Integer pathLen = (v = e.optionalExplicit(0, "pathLenConstraint")) == null ? null
                : integer(v, e.childPath("pathLenConstraint"));
        List<String> policies = (v = e.optionalExplicit(1, "acceptablePolicySet")) == null ? null
                : oids(v, e.childPath("acceptablePolicySet"));
        Bytes nameConstraints = (v = e.optionalExplicit(2, "nameConstraints")) == null ? null
                : der(Elements.expect(v, ASN1Sequence.class, e.childPath("nameConstraints"), "SEQUENCE"));
        PolicyConstraints policyConstraints = (v = e.optionalExplicit(3, "policyConstraints")) == null ? null
                : policyConstraints(v, e.childPath("policyConstraints"));
        e.end();
        return new CertificateTrustPoint(der(cert), pathLen, policies, nameConstraints, policyConstraints);
    }

    private static PolicyConstraints policyConstraints(ASN1Encodable value, String path) {
        Elements e = Elements.of(value, path);
        ASN1Encodable v;
        Integer explicit = (v = e.optionalExplicit(0, "requireExplicitPolicy")) == null ? null
                : integer(v, e.childPath("requireExplicitPolicy"));
        Integer inhibit = (v = e.optionalExplicit(1, "inhibitPolicyMapping")) == null ? null
                : integer(v, e.childPath("inhibitPolicyMapping"));
        e.end();
        return new PolicyConstraints(explicit, inhibit);
    }

    private static CertRevReq certRevReq(ASN1Encodable value, String path) {
        Elements e = Elements.of(value, path);
        RevReq end = revReq(e.next("endCertRevReq"), e.childPath("endCertRevReq"));
        ASN1Encodable ca = e.optionalExplicit(0, "caCerts");
        if (ca == null) {
            throw malformed(e.childPath("caCerts"), "mandatory field [0] missing");
        }
        RevReq caReq = revReq(ca, e.childPath("caCerts"));
        e.end();
        return new CertRevReq(end, caReq);
    }

    private static RevReq revReq(ASN1Encodable value, String path) {
        Elements e = Elements.of(value, path);
        EnuRevReq enu = EnuRevReq.of(enumerated(e.next("enuRevReq"), e.childPath("enuRevReq")));
        List<SignPolExtension> ext = e.hasNext() ? extensions(e.next("exRevReq"), e.childPath("exRevReq")) : null;
        e.end();
        return new RevReq(enu, ext);
    }

    private static TimestampTrustCondition timestampTrustCondition(ASN1Encodable value, String path) {
        Elements e = Elements.of(value, path);
        ASN1Encodable v;
        List<CertificateTrustPoint> trees = (v = e.optionalExplicit(0, "ttsCertificateTrustTrees")) == null ? null
                : trustTrees(v, e.childPath("ttsCertificateTrustTrees"));
        CertRevReq rev = (v = e.optionalExplicit(1, "ttsRevReq")) == null ? null
                : certRevReq(v, e.childPath("ttsRevReq"));
        Bytes names = (v = e.optionalExplicit(2, "ttsNameConstraints")) == null ? null
                : der(Elements.expect(v, ASN1Sequence.class, e.childPath("ttsNameConstraints"), "SEQUENCE"));
        DeltaTime caution = (v = e.optionalExplicit(3, "cautionPeriod")) == null ? null
                : deltaTime(v, e.childPath("cautionPeriod"));
        DeltaTime delay = (v = e.optionalExplicit(4, "signatureTimestampDelay")) == null ? null
                : deltaTime(v, e.childPath("signatureTimestampDelay"));
        e.end();
        return new TimestampTrustCondition(trees, rev, names, caution, delay);
    }

    private static DeltaTime deltaTime(ASN1Encodable value, String path) {
        Elements e = Elements.of(value, path);
        long seconds = longValue(e.next("deltaSeconds"), e.childPath("deltaSeconds"));
        long minutes = longValue(e.next("deltaMinutes"), e.childPath("deltaMinutes"));
        long hours = longValue(e.next("deltaHours"), e.childPath("deltaHours"));
        long days = longValue(e.next("deltaDays"), e.childPath("deltaDays"));
        e.end();
        return new DeltaTime(seconds, minutes, hours, days);
    }

    private static AttributeTrustCondition attributeTrustCondition(ASN1Encodable value, String path) {
        Elements e = Elements.of(value, path);
        boolean mandated = expect(e.next("attributeMandated"), ASN1Boolean.class, e.childPath("attributeMandated"),
                "BOOLEAN").isTrue();
        HowCertAttribute how = HowCertAttribute.of(enumerated(e.next("howCertAttribute"), e.childPath("howCertAttribute")));
        ASN1Encodable v;
        List<CertificateTrustPoint> trees = (v = e.optionalExplicit(0, "attrCertificateTrustTrees")) == null ? null
                : trustTrees(v, e.childPath("attrCertificateTrustTrees"));
        CertRevReq rev = (v = e.optionalExplicit(1, "attrRevReq")) == null ? null
                : certRevReq(v, e.childPath("attrRevReq"));
        AttributeConstraints constraints = (v = e.optionalExplicit(2, "attributeConstraints")) == null ? null
                : attributeConstraints(v, e.childPath("attributeConstraints"));
        e.end();
        return new AttributeTrustCondition(mandated, how, trees, rev, constraints);
    }

    private static AttributeConstraints attributeConstraints(ASN1Encodable value, String path) {
        Elements e = Elements.of(value, path);
        ASN1Encodable v;
        List<String> types = (v = e.optionalExplicit(0, "attributeTypeConstarints")) == null ? null
                : oids(v, e.childPath("attributeTypeConstarints"));
        List<AttributeValueConstraint> values = (v = e.optionalExplicit(1, "attributeValueConstarints")) == null ? null
                : list(v, e.childPath("attributeValueConstarints"), (item, p) -> {
                    Elements tv = Elements.of(item, p);
                    String type = oid(tv.next("type"), tv.childPath("type"));
                    Bytes val = der(tv.next("value"));
                    tv.end();
                    return new AttributeValueConstraint(type, val);
                });
        e.end();
        return new AttributeConstraints(types, values);
    }

    private static AlgorithmConstraintSet algorithmConstraintSet(ASN1Encodable value, String path) {
        Elements e = Elements.of(value, path);
        String[] names = {"signerAlgorithmConstraints", "eeCertAlgorithmConstraints", "caCertAlgorithmConstraints",
                "aaCertAlgorithmConstraints", "tsaCertAlgorithmConstraints"};
        List<List<AlgAndLength>> sets = new ArrayList<>();
        for (int tag = 0; tag < names.length; tag++) {
            ASN1Encodable v = e.optionalExplicit(tag, names[tag]);
            sets.add(v == null ? null : list(v, e.childPath(names[tag]), PolicyDerDecoder::algAndLength));
        }
        e.end();
        return new AlgorithmConstraintSet(sets.get(0), sets.get(1), sets.get(2), sets.get(3), sets.get(4));
    }

    private static AlgAndLength algAndLength(ASN1Encodable value, String path) {
        Elements e = Elements.of(value, path);
        String alg = oid(e.next("algID"), e.childPath("algID"));
        Integer min = e.nextIs(ASN1Integer.class) ? integer(e.next("minKeyLength"), e.childPath("minKeyLength")) : null;
        List<SignPolExtension> other = e.hasNext() ? extensions(e.next("other"), e.childPath("other")) : null;
        e.end();
        return new AlgAndLength(alg, min, other);
    }

    static List<SignPolExtension> extensions(ASN1Encodable value, String path) {
        return list(value, path, (item, p) -> {
            Elements e = Elements.of(item, p);
            String id = oid(e.next("extnID"), e.childPath("extnID"));
            Bytes val = octets(e.next("extnValue"), e.childPath("extnValue"));
            e.end();
            return new SignPolExtension(id, val);
        });
    }

    // ---- primitives ----

    static <T> List<T> list(ASN1Encodable value, String path, BiFunction<ASN1Encodable, String, T> element) {
        ASN1Sequence seq = expect(value, ASN1Sequence.class, path, "SEQUENCE OF");
        List<T> result = new ArrayList<>(seq.size());
        for (int i = 0; i < seq.size(); i++) {
            result.add(element.apply(seq.getObjectAt(i), path + "[" + i + "]"));
        }
        return result;
    }

    static List<String> oids(ASN1Encodable value, String path) {
        return list(value, path, PolicyDerDecoder::oid);
    }

    static String oid(ASN1Encodable value, String path) {
        return expect(value, ASN1ObjectIdentifier.class, path, "OBJECT IDENTIFIER").getId();
    }

    static Bytes octets(ASN1Encodable value, String path) {
        return Bytes.of(expect(value, ASN1OctetString.class, path, "OCTET STRING").getOctets());
    }

    static Bytes der(ASN1Encodable value) {
        try {
            return Bytes.of(value.toASN1Primitive().getEncoded(ASN1Encoding.DER));
        } catch (IOException e) {
            throw new PolicyException("cannot re-encode a policy element: " + e.getMessage(), e);
        }
    }

    static Instant time(ASN1Encodable value, String path) {
        try {
            return expect(value, ASN1GeneralizedTime.class, path, "GeneralizedTime").getDate().toInstant();
        } catch (ParseException e) {
            throw malformed(path, "invalid GeneralizedTime (" + e.getMessage() + ")");
        }
    }

    private static int enumerated(ASN1Encodable value, String path) {
        try {
            return expect(value, ASN1Enumerated.class, path, "ENUMERATED").intValueExact();
        } catch (ArithmeticException e) {
            throw malformed(path, "ENUMERATED value out of range");
        }
    }

    private static int integer(ASN1Encodable value, String path) {
        try {
            return expect(value, ASN1Integer.class, path, "INTEGER").intValueExact();
        } catch (ArithmeticException e) {
            throw malformed(path, "INTEGER value out of range");
        }
    }

    private static long longValue(ASN1Encodable value, String path) {
        try {
            return expect(value, ASN1Integer.class, path, "INTEGER").longValueExact();
        } catch (ArithmeticException e) {
            throw malformed(path, "INTEGER value out of range");
        }
    }

    static DirectoryText directoryText(ASN1Encodable value, String path) {
        ASN1Primitive p = value.toASN1Primitive();
        if (p instanceof ASN1UTF8String s) {
            return new DirectoryText(s.getString(), DirectoryText.Type.UTF8_STRING);
        } else if (p instanceof ASN1PrintableString s) {
            return new DirectoryText(s.getString(), DirectoryText.Type.PRINTABLE_STRING);
        } else if (p instanceof ASN1T61String s) {
            return new DirectoryText(s.getString(), DirectoryText.Type.TELETEX_STRING);
        } else if (p instanceof ASN1BMPString s) {
            return new DirectoryText(s.getString(), DirectoryText.Type.BMP_STRING);
        } else if (p instanceof ASN1UniversalString s) {
            // BC renders UniversalString as "#hex"; its octets are UTF-32BE.
            return new DirectoryText(new String(s.getOctets(), Charset.forName("UTF-32BE")),
                    DirectoryText.Type.UNIVERSAL_STRING);
        }
        throw malformed(path, "expected DirectoryString, found " + Elements.describe(p));
    }
}
