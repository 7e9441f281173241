package dev.vellum.policy.json;

import static dev.vellum.policy.json.JsonObject.error;

import dev.vellum.policy.PolicyException;
import dev.vellum.policy.der.IssuerNames;
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
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/** The JSON authoring form → model. Field names are RFC 3125's ASN.1 names (see {@link PolicyJson}). */
final class JsonPolicyReader {
    /** Value of "signPolicyHash" asking the compiler to compute and embed the hash (the default). */
    static final String HASH_COMPUTED = "computed";
    /** Value of "signPolicyHash" asking for a policy without an embedded hash. */
    static final String HASH_ABSENT = "absent";

    private JsonPolicyReader() {
    }

    /** Reads the policy; {@code signPolicyHash} is resolved by {@link PolicyJson}, so it is returned separately. */
    record Read(SignaturePolicy policy, String signPolicyHash) {
    }

    static Read read(JsonNode root) {
        JsonObject o = new JsonObject(root, "$");
        o.optional("$schema");
        AlgorithmId alg = algorithmId(o.required("signPolicyHashAlg"), o.path("signPolicyHashAlg"));
        SignPolicyInfo info = signPolicyInfo(o.object("signPolicyInfo"));
        String hash = o.optionalText("signPolicyHash");
        o.done();
        return new Read(new SignaturePolicy(alg, info, null), hash == null ? HASH_COMPUTED : hash);
    }

    private static AlgorithmId algorithmId(JsonNode node, String path) {
        if (node.isString()) {
            return AlgorithmId.of(oid(node, path));
        }
        JsonObject o = new JsonObject(node, path);
        AlgorithmId id = new AlgorithmId(oid(o.required("algorithm"), o.path("algorithm")),
                derOrNull(o.optionalText("parameters"), o.path("parameters")));
        o.done();
        return id;
    }

    private static SignPolicyInfo signPolicyInfo(JsonObject o) {
        SignPolicyInfo info = new SignPolicyInfo(oid(o.required("signPolicyIdentifier"), o.path("signPolicyIdentifier")),
                o.instant("dateOfIssue"), o.list("policyIssuerName", JsonPolicyReader::issuerName),
                directoryText(o.required("fieldOfApplication"), o.path("fieldOfApplication")),
                signatureValidationPolicy(o.object("signatureValidationPolicy")),
                o.optionalList("signPolExtensions", JsonPolicyReader::extension));
        o.done();
        if (info.policyIssuerName().isEmpty()) {
            throw error(o.path("policyIssuerName"), "at least one issuer name is required");
        }
        return info;
    }

    private static IssuerName issuerName(JsonNode node, String path) {
        JsonObject o = new JsonObject(node, path);
        IssuerName.Kind kind = null;
        String value = null;
        for (IssuerName.Kind k : IssuerName.Kind.values()) {
            String v = o.optionalText(JsonNames.generalName(k));
            if (v != null) {
                if (kind != null) {
                    throw error(path, "give exactly one name form, found " + JsonNames.generalName(kind) + " and "
                            + JsonNames.generalName(k));
                }
                kind = k;
                value = v;
            }
        }
        Bytes der = hexOrNull(o.optionalText("der"), o.path("der"));
        o.done();
        if (kind == null) {
            throw error(path, "expected one of directoryName, uri, rfc822Name, dNSName, registeredID, iPAddress, "
                    + "otherName, x400Address, ediPartyName");
        }
        if (der == null) {
            return IssuerName.of(kind, value);
        }
        IssuerName decoded = IssuerNames.decode(der.toByteArray(), path);
        if (decoded.kind() != kind || !decoded.value().equals(value)) {
            throw error(path, "\"der\" holds " + JsonNames.generalName(decoded.kind()) + " \"" + decoded.value()
                    + "\", which disagrees with the readable value");
        }
        return decoded;
    }

    private static SignatureValidationPolicy signatureValidationPolicy(JsonObject o) {
        JsonObject period = o.object("signingPeriod");
        SigningPeriod signingPeriod = new SigningPeriod(period.instant("notBefore"), period.optionalInstant("notAfter"));
        period.done();
        JsonObject common = o.object("commonRules");
        CommonRules commonRules = rules(common);
        common.done();
        SignatureValidationPolicy svp = new SignatureValidationPolicy(signingPeriod, commonRules,
                o.list("commitmentRules", JsonPolicyReader::commitmentRule),
                o.optionalList("signPolExtensions", JsonPolicyReader::extension));
        o.done();
        return svp;
    }

    private static CommitmentRule commitmentRule(JsonNode node, String path) {
        JsonObject o = new JsonObject(node, path);
        List<SelectedCommitmentType> selected = o.list("selCommitmentTypes", JsonPolicyReader::selectedCommitmentType);
        CommitmentRule rule = new CommitmentRule(selected, rules(o));
        o.done();
        return rule;
    }

    private static CommonRules rules(JsonObject o) {
        JsonObject svr = o.optionalObject("signerAndVeriferRules");
        JsonObject sctc = o.optionalObject("signingCertTrustCondition");
        JsonObject ttc = o.optionalObject("timeStampTrustCondition");
        JsonObject atc = o.optionalObject("attributeTrustCondition");
        JsonObject acs = o.optionalObject("algorithmConstraintSet");
        return new CommonRules(svr == null ? null : signerAndVerifierRules(svr),
                sctc == null ? null : signingCertTrustCondition(sctc),
                ttc == null ? null : timestampTrustCondition(ttc),
                atc == null ? null : attributeTrustCondition(atc),
                acs == null ? null : algorithmConstraintSet(acs),
                o.optionalList("signPolExtensions", JsonPolicyReader::extension));
    }

    private static SelectedCommitmentType selectedCommitmentType(JsonNode node, String path) {
        if (node.isString()) {
            if (!"empty".equals(node.stringValue())) {
                throw error(path, "expected \"empty\" or a commitment type object {\"identifier\": …}");
            }
            return SelectedCommitmentType.EMPTY;
        }
        JsonObject o = new JsonObject(node, path);
        JsonNode field = o.optional("fieldOfApplication");
        JsonNode semantics = o.optional("semantics");
        CommitmentType type = new CommitmentType(oid(o.required("identifier"), o.path("identifier")),
                field == null ? null : directoryText(field, o.path("fieldOfApplication")),
                semantics == null ? null : directoryText(semantics, o.path("semantics")));
        o.done();
        return new SelectedCommitmentType(type);
    }

    private static SignerAndVerifierRules signerAndVerifierRules(JsonObject o) {
        JsonObject s = o.object("signerRules");
        String ref = s.optionalText("mandatedCertificateRef");
        String info = s.optionalText("mandatedCertificateInfo");
        SignerRules signer = new SignerRules(s.optionalBoolean("externalSignedData"),
                s.list("mandatedSignedAttr", JsonPolicyReader::oid), s.list("mandatedUnsignedAttr", JsonPolicyReader::oid),
                ref == null ? null : named(() -> CertRefReq.named(ref), s.path("mandatedCertificateRef")),
                info == null ? null : named(() -> CertInfoReq.named(info), s.path("mandatedCertificateInfo")),
                s.optionalList("signPolExtensions", JsonPolicyReader::extension));
        s.done();
        // X.690 §11.5: DER never encodes a DEFAULT value, so the authoring form refuses to state one.
        if (signer.mandatedCertificateRef() == CertRefReq.SIGNER_ONLY) {
            throw error(s.path("mandatedCertificateRef"), "\"signerOnly\" is the DEFAULT; leave the field out");
        }
        if (signer.mandatedCertificateInfo() == CertInfoReq.NONE) {
            throw error(s.path("mandatedCertificateInfo"), "\"none\" is the DEFAULT; leave the field out");
        }
        JsonObject v = o.object("verifierRules");
        VerifierRules verifier = new VerifierRules(v.list("mandatedUnsignedAttr", JsonPolicyReader::oid),
                v.optionalList("signPolExtensions", JsonPolicyReader::extension));
        v.done();
        o.done();
        return new SignerAndVerifierRules(signer, verifier);
    }

    private static SigningCertTrustCondition signingCertTrustCondition(JsonObject o) {
        SigningCertTrustCondition c = new SigningCertTrustCondition(o.list("signerTrustTrees", JsonPolicyReader::trustPoint),
                certRevReq(o.object("signerRevReq")));
        o.done();
        return c;
    }

    private static CertificateTrustPoint trustPoint(JsonNode node, String path) {
        JsonObject o = new JsonObject(node, path);
        JsonObject pc = o.optionalObject("policyConstraints");
        PolicyConstraints constraints = null;
        if (pc != null) {
            constraints = new PolicyConstraints(pc.optionalInt("requireExplicitPolicy"), pc.optionalInt("inhibitPolicyMapping"));
            pc.done();
        }
        Bytes certificate = base64(o.text("trustpoint"), o.path("trustpoint"));
        CertificateTrustPoint tp = new CertificateTrustPoint(certificate, o.optionalInt("pathLenConstraint"),
                o.optionalList("acceptablePolicySet", JsonPolicyReader::oid),
                nameConstraints(o, "nameConstraints"), constraints);
        o.done();
        tp.certificate(); // authoring check: the trust point must be a parsable certificate
        return tp;
    }

    private static CertRevReq certRevReq(JsonObject o) {
        CertRevReq c = new CertRevReq(revReq(o.object("endCertRevReq")), revReq(o.object("caCerts")));
        o.done();
        return c;
    }

    private static RevReq revReq(JsonObject o) {
        String enu = o.text("enuRevReq");
        RevReq r = new RevReq(named(() -> EnuRevReq.named(enu), o.path("enuRevReq")),
                o.optionalList("exRevReq", JsonPolicyReader::extension));
        o.done();
        return r;
    }

    private static TimestampTrustCondition timestampTrustCondition(JsonObject o) {
        JsonObject rev = o.optionalObject("ttsRevReq");
        JsonObject caution = o.optionalObject("cautionPeriod");
        JsonObject delay = o.optionalObject("signatureTimestampDelay");
        TimestampTrustCondition t = new TimestampTrustCondition(
                o.optionalList("ttsCertificateTrustTrees", JsonPolicyReader::trustPoint),
                rev == null ? null : certRevReq(rev),
                nameConstraints(o, "ttsNameConstraints"),
                caution == null ? null : deltaTime(caution), delay == null ? null : deltaTime(delay));
        o.done();
        return t;
    }

    private static DeltaTime deltaTime(JsonObject o) {
        DeltaTime d = new DeltaTime(o.longValue("deltaSeconds"), o.longValue("deltaMinutes"), o.longValue("deltaHours"),
                o.longValue("deltaDays"));
        o.done();
        return d;
    }

    private static AttributeTrustCondition attributeTrustCondition(JsonObject o) {
        String how = o.text("howCertAttribute");
        JsonObject rev = o.optionalObject("attrRevReq");
        JsonObject constraints = o.optionalObject("attributeConstraints");
        AttributeConstraints ac = null;
        if (constraints != null) {
            ac = new AttributeConstraints(constraints.optionalList("attributeTypeConstarints", JsonPolicyReader::oid),
                    constraints.optionalList("attributeValueConstarints", (n, p) -> {
                        JsonObject tv = new JsonObject(n, p);
                        AttributeValueConstraint c = new AttributeValueConstraint(oid(tv.required("type"), tv.path("type")),
                                derValue(tv.text("value"), tv.path("value")));
                        tv.done();
                        return c;
                    }));
            constraints.done();
        }
        AttributeTrustCondition a = new AttributeTrustCondition(o.bool("attributeMandated"),
                named(() -> HowCertAttribute.named(how), o.path("howCertAttribute")),
                o.optionalList("attrCertificateTrustTrees", JsonPolicyReader::trustPoint),
                rev == null ? null : certRevReq(rev), ac);
        o.done();
        return a;
    }

    private static AlgorithmConstraintSet algorithmConstraintSet(JsonObject o) {
        AlgorithmConstraintSet s = new AlgorithmConstraintSet(
                o.optionalList("signerAlgorithmConstraints", JsonPolicyReader::algAndLength),
                o.optionalList("eeCertAlgorithmConstraints", JsonPolicyReader::algAndLength),
                o.optionalList("caCertAlgorithmConstraints", JsonPolicyReader::algAndLength),
                o.optionalList("aaCertAlgorithmConstraints", JsonPolicyReader::algAndLength),
                o.optionalList("tsaCertAlgorithmConstraints", JsonPolicyReader::algAndLength));
        o.done();
        return s;
    }

    private static AlgAndLength algAndLength(JsonNode node, String path) {
        JsonObject o = new JsonObject(node, path);
        AlgAndLength a = new AlgAndLength(oid(o.required("algID"), o.path("algID")), o.optionalInt("minKeyLength"),
                o.optionalList("other", JsonPolicyReader::extension));
        o.done();
        return a;
    }

    private static SignPolExtension extension(JsonNode node, String path) {
        JsonObject o = new JsonObject(node, path);
        SignPolExtension x = new SignPolExtension(oid(o.required("extnID"), o.path("extnID")),
                hex(o.text("extnValue"), o.path("extnValue")));
        o.done();
        return x;
    }

    // ---- values ----

    static String oid(JsonNode node, String path) {
        String text = JsonObject.text(node, path);
        String oid = OidNames.oidOf(text);
        if (oid == null) {
            throw error(path, "\"" + text + "\" is neither a dotted OID nor a known name (e.g. contentType, "
                    + "signingCertificateV2, proofOfOrigin, sha256WithRSAEncryption, SHA-256)");
        }
        return oid;
    }

    private static DirectoryText directoryText(JsonNode node, String path) {
        if (node.isString()) {
            return DirectoryText.utf8(node.stringValue());
        }
        JsonObject o = new JsonObject(node, path);
        String type = o.text("type");
        DirectoryText text = new DirectoryText(o.text("text"), named(() -> JsonNames.directoryStringType(type), o.path("type")));
        o.done();
        return text;
    }

    /**
     * RFC 3125 §3.8.1 NameConstraints: hex DER, or {"permittedSubtrees": [...], "excludedSubtrees": [...]}
     * whose entries are {"base": generalName, "minimum": n, "maximum": n}, encoded with the policy
     * module's EXPLICIT tags (subtrees and minimum/maximum; the GeneralName keeps PKIX's implicit tags).
     */
    private static Bytes nameConstraints(JsonObject o, String key) {
        JsonNode value = o.optional(key);
        if (value == null) {
            return null;
        }
        if (value.isString()) {
            return derValue(value.stringValue(), o.path(key));
        }
        JsonObject nc = new JsonObject(value, o.path(key));
        org.bouncycastle.asn1.ASN1EncodableVector v = new org.bouncycastle.asn1.ASN1EncodableVector();
        String[] fields = {"permittedSubtrees", "excludedSubtrees"};
        for (int tag = 0; tag < 2; tag++) {
            List<org.bouncycastle.asn1.ASN1Encodable> subtrees = nc.optionalList(fields[tag], JsonPolicyReader::generalSubtree);
            if (subtrees == null) {
                continue;
            }
            if (subtrees.isEmpty()) {
                throw error(nc.path(fields[tag]), "give at least one subtree or leave the field out");
            }
            v.add(new org.bouncycastle.asn1.DERTaggedObject(true, tag,
                    new org.bouncycastle.asn1.DERSequence(subtrees.toArray(org.bouncycastle.asn1.ASN1Encodable[]::new))));
        }
        nc.done();
        if (v.size() == 0) {
            throw error(o.path(key), "give permittedSubtrees, excludedSubtrees or both");
        }
        try {
            return Bytes.of(new org.bouncycastle.asn1.DERSequence(v).getEncoded(org.bouncycastle.asn1.ASN1Encoding.DER));
        } catch (java.io.IOException e) {
            throw error(o.path(key), "cannot be encoded: " + e.getMessage());
        }
    }

    private static org.bouncycastle.asn1.ASN1Encodable generalSubtree(JsonNode node, String path) {
        JsonObject o = new JsonObject(node, path);
        IssuerName base = issuerName(o.required("base"), o.path("base"));
        Integer min = o.optionalInt("minimum");
        Integer max = o.optionalInt("maximum");
        o.done();
        org.bouncycastle.asn1.ASN1EncodableVector v = new org.bouncycastle.asn1.ASN1EncodableVector();
        try {
            v.add(org.bouncycastle.asn1.ASN1Primitive.fromByteArray(IssuerNames.encode(base)));
        } catch (java.io.IOException e) {
            throw error(o.path("base"), "cannot be encoded: " + e.getMessage());
        }
        if (min != null && min != 0) { // DEFAULT 0 is never encoded
            v.add(new org.bouncycastle.asn1.DERTaggedObject(true, 0, new org.bouncycastle.asn1.ASN1Integer(min)));
        }
        if (max != null) {
            v.add(new org.bouncycastle.asn1.DERTaggedObject(true, 1, new org.bouncycastle.asn1.ASN1Integer(max)));
        }
        return new org.bouncycastle.asn1.DERSequence(v);
    }

    private static Bytes derOrNull(String hex, String path) {
        return hex == null ? null : derValue(hex, path);
    }

    /** Hex that must hold exactly one DER value: caught here, with its path, rather than when the output is re-read. */
    private static Bytes derValue(String hex, String path) {
        Bytes bytes = hex(hex, path);
        try (org.bouncycastle.asn1.ASN1InputStream in = new org.bouncycastle.asn1.ASN1InputStream(bytes.toByteArray())) {
            if (in.readObject() == null || in.readObject() != null) {
                throw error(path, "expected the hex of exactly one DER value");
            }
        } catch (PolicyException e) {
            throw e;
        } catch (java.io.IOException | RuntimeException e) {
            throw error(path, "expected the hex of one DER value (" + e.getMessage() + ")");
        }
        return bytes;
    }

    private static Bytes hexOrNull(String hex, String path) {
        return hex == null ? null : hex(hex, path);
    }

    private static Bytes hex(String hex, String path) {
        try {
            return Bytes.fromHex(hex.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw error(path, "expected hexadecimal octets (" + e.getMessage() + ")");
        }
    }

    private static Bytes base64(String text, String path) {
        try {
            return Bytes.fromBase64(text);
        } catch (IllegalArgumentException e) {
            throw error(path, "expected a Base64 DER certificate (" + e.getMessage() + ")");
        }
    }

    private static <T> T named(java.util.function.Supplier<T> lookup, String path) {
        try {
            return lookup.get();
        } catch (PolicyException e) {
            throw error(path, e.getMessage());
        }
    }
}
