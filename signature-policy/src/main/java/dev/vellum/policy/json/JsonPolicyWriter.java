package dev.vellum.policy.json;

import dev.vellum.policy.HashAlgorithm;
import dev.vellum.policy.PolicyHasher;
import dev.vellum.policy.model.AlgAndLength;
import dev.vellum.policy.model.AlgorithmConstraintSet;
import dev.vellum.policy.model.AlgorithmId;
import dev.vellum.policy.model.AttributeConstraints;
import dev.vellum.policy.model.AttributeTrustCondition;
import dev.vellum.policy.model.CertRevReq;
import dev.vellum.policy.model.CertificateTrustPoint;
import dev.vellum.policy.model.CommitmentRule;
import dev.vellum.policy.model.CommitmentType;
import dev.vellum.policy.model.CommonRules;
import dev.vellum.policy.model.DeltaTime;
import dev.vellum.policy.model.DirectoryText;
import dev.vellum.policy.model.IssuerName;
import dev.vellum.policy.model.RevReq;
import dev.vellum.policy.model.SelectedCommitmentType;
import dev.vellum.policy.model.SignPolExtension;
import dev.vellum.policy.model.SignPolicyInfo;
import dev.vellum.policy.model.SignatureValidationPolicy;
import dev.vellum.policy.model.SignaturePolicy;
import dev.vellum.policy.model.SignerAndVerifierRules;
import dev.vellum.policy.model.SignerRules;
import dev.vellum.policy.model.SigningCertTrustCondition;
import dev.vellum.policy.model.TimestampTrustCondition;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Model → the JSON authoring form, in ASN.1 field order, omitting absent fields. Inverse of {@link JsonPolicyReader}. */
final class JsonPolicyWriter {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonPolicyWriter() {
    }

    static ObjectNode write(SignaturePolicy policy) {
        ObjectNode root = NODES.objectNode();
        root.set("signPolicyHashAlg", algorithmId(policy.signPolicyHashAlg()));
        root.set("signPolicyInfo", signPolicyInfo(policy.signPolicyInfo()));
        String hash = hashField(policy);
        if (hash != null) {
            root.put("signPolicyHash", hash);
        }
        return root;
    }

    /** Omitted when the embedded hash is the correct one (the compiler's default), else "absent" or the hex. */
    private static String hashField(SignaturePolicy policy) {
        if (policy.signPolicyHash() == null) {
            return JsonPolicyReader.HASH_ABSENT;
        }
        try {
            HashAlgorithm algorithm = HashAlgorithm.fromOid(policy.signPolicyHashAlg().algorithm());
            if (PolicyHasher.asn1PolicyHash(policy, algorithm).equals(policy.signPolicyHash())) {
                return null;
            }
        } catch (dev.vellum.policy.PolicyException unsupportedAlgorithm) {
            // fall through: keep the stored value verbatim
        }
        return policy.signPolicyHash().hex();
    }

    private static JsonNode algorithmId(AlgorithmId alg) {
        if (alg.parameters() == null) {
            return NODES.stringNode(OidNames.nameOf(alg.algorithm()));
        }
        ObjectNode o = NODES.objectNode();
        o.put("algorithm", OidNames.nameOf(alg.algorithm()));
        o.put("parameters", alg.parameters().hex());
        return o;
    }

    private static ObjectNode signPolicyInfo(SignPolicyInfo info) {
        ObjectNode o = NODES.objectNode();
        o.put("signPolicyIdentifier", info.signPolicyIdentifier());
        o.put("dateOfIssue", instant(info.dateOfIssue()));
        o.set("policyIssuerName", array(info.policyIssuerName(), JsonPolicyWriter::issuerName));
        o.set("fieldOfApplication", directoryText(info.fieldOfApplication()));
        o.set("signatureValidationPolicy", signatureValidationPolicy(info.signatureValidationPolicy()));
        extensions(o, "signPolExtensions", info.signPolExtensions());
        return o;
    }

    private static ObjectNode issuerName(IssuerName name) {
        ObjectNode o = NODES.objectNode();
        o.put(JsonNames.generalName(name.kind()), name.value());
        if (name.encoding() != null) {
            o.put("der", name.encoding().hex());
        }
        return o;
    }

    private static ObjectNode signatureValidationPolicy(SignatureValidationPolicy svp) {
        ObjectNode o = NODES.objectNode();
        ObjectNode period = o.putObject("signingPeriod");
        period.put("notBefore", instant(svp.signingPeriod().notBefore()));
        if (svp.signingPeriod().notAfter() != null) {
            period.put("notAfter", instant(svp.signingPeriod().notAfter()));
        }
        o.set("commonRules", rules(NODES.objectNode(), svp.commonRules()));
        o.set("commitmentRules", array(svp.commitmentRules(), JsonPolicyWriter::commitmentRule));
        extensions(o, "signPolExtensions", svp.signPolExtensions());
        return o;
    }

    private static ObjectNode commitmentRule(CommitmentRule rule) {
        ObjectNode o = NODES.objectNode();
        o.set("selCommitmentTypes", array(rule.selCommitmentTypes(), JsonPolicyWriter::selectedCommitmentType));
        return rules(o, rule.rules());
    }

    private static ObjectNode rules(ObjectNode o, CommonRules r) {
        if (r.signerAndVeriferRules() != null) {
            o.set("signerAndVeriferRules", signerAndVerifierRules(r.signerAndVeriferRules()));
        }
        if (r.signingCertTrustCondition() != null) {
            o.set("signingCertTrustCondition", signingCertTrustCondition(r.signingCertTrustCondition()));
        }
        if (r.timeStampTrustCondition() != null) {
            o.set("timeStampTrustCondition", timestampTrustCondition(r.timeStampTrustCondition()));
        }
        if (r.attributeTrustCondition() != null) {
            o.set("attributeTrustCondition", attributeTrustCondition(r.attributeTrustCondition()));
        }
        if (r.algorithmConstraintSet() != null) {
            o.set("algorithmConstraintSet", algorithmConstraintSet(r.algorithmConstraintSet()));
        }
        extensions(o, "signPolExtensions", r.signPolExtensions());
        return o;
    }

    private static JsonNode selectedCommitmentType(SelectedCommitmentType selected) {
        if (selected.isEmpty()) {
            return NODES.stringNode("empty");
        }
        CommitmentType type = selected.recognized();
        ObjectNode o = NODES.objectNode();
        o.put("identifier", OidNames.nameOf(type.identifier()));
        if (type.fieldOfApplication() != null) {
            o.set("fieldOfApplication", directoryText(type.fieldOfApplication()));
        }
        if (type.semantics() != null) {
            o.set("semantics", directoryText(type.semantics()));
        }
        return o;
    }

    private static ObjectNode signerAndVerifierRules(SignerAndVerifierRules svr) {
        ObjectNode o = NODES.objectNode();
        SignerRules s = svr.signerRules();
        ObjectNode signer = o.putObject("signerRules");
        if (s.externalSignedData() != null) {
            signer.put("externalSignedData", s.externalSignedData());
        }
        signer.set("mandatedSignedAttr", oids(s.mandatedSignedAttr()));
        signer.set("mandatedUnsignedAttr", oids(s.mandatedUnsignedAttr()));
        if (s.mandatedCertificateRef() != null) {
            signer.put("mandatedCertificateRef", s.mandatedCertificateRef().asn1Name());
        }
        if (s.mandatedCertificateInfo() != null) {
            signer.put("mandatedCertificateInfo", s.mandatedCertificateInfo().asn1Name());
        }
        extensions(signer, "signPolExtensions", s.signPolExtensions());
        ObjectNode verifier = o.putObject("verifierRules");
        verifier.set("mandatedUnsignedAttr", oids(svr.verifierRules().mandatedUnsignedAttr()));
        extensions(verifier, "signPolExtensions", svr.verifierRules().signPolExtensions());
        return o;
    }

    private static ObjectNode signingCertTrustCondition(SigningCertTrustCondition c) {
        ObjectNode o = NODES.objectNode();
        o.set("signerTrustTrees", array(c.signerTrustTrees(), JsonPolicyWriter::trustPoint));
        o.set("signerRevReq", certRevReq(c.signerRevReq()));
        return o;
    }

    private static ObjectNode trustPoint(CertificateTrustPoint tp) {
        ObjectNode o = NODES.objectNode();
        o.put("trustpoint", tp.trustpoint().base64());
        if (tp.pathLenConstraint() != null) {
            o.put("pathLenConstraint", tp.pathLenConstraint());
        }
        if (tp.acceptablePolicySet() != null) {
            o.set("acceptablePolicySet", oids(tp.acceptablePolicySet()));
        }
        if (tp.nameConstraints() != null) {
            o.put("nameConstraints", tp.nameConstraints().hex());
        }
        if (tp.policyConstraints() != null) {
            ObjectNode pc = o.putObject("policyConstraints");
            if (tp.policyConstraints().requireExplicitPolicy() != null) {
                pc.put("requireExplicitPolicy", tp.policyConstraints().requireExplicitPolicy());
            }
            if (tp.policyConstraints().inhibitPolicyMapping() != null) {
                pc.put("inhibitPolicyMapping", tp.policyConstraints().inhibitPolicyMapping());
            }
        }
        return o;
    }

    private static ObjectNode certRevReq(CertRevReq c) {
        ObjectNode o = NODES.objectNode();
        o.set("endCertRevReq", revReq(c.endCertRevReq()));
        o.set("caCerts", revReq(c.caCerts()));
        return o;
    }

    private static ObjectNode revReq(RevReq r) {
        ObjectNode o = NODES.objectNode();
        o.put("enuRevReq", r.enuRevReq().asn1Name());
        extensions(o, "exRevReq", r.exRevReq());
        return o;
    }

    private static ObjectNode timestampTrustCondition(TimestampTrustCondition t) {
        ObjectNode o = NODES.objectNode();
        if (t.ttsCertificateTrustTrees() != null) {
            o.set("ttsCertificateTrustTrees", array(t.ttsCertificateTrustTrees(), JsonPolicyWriter::trustPoint));
        }
        if (t.ttsRevReq() != null) {
            o.set("ttsRevReq", certRevReq(t.ttsRevReq()));
        }
        if (t.ttsNameConstraints() != null) {
            o.put("ttsNameConstraints", t.ttsNameConstraints().hex());
        }
        if (t.cautionPeriod() != null) {
            o.set("cautionPeriod", deltaTime(t.cautionPeriod()));
        }
        if (t.signatureTimestampDelay() != null) {
            o.set("signatureTimestampDelay", deltaTime(t.signatureTimestampDelay()));
        }
        return o;
    }

    private static ObjectNode deltaTime(DeltaTime d) {
        ObjectNode o = NODES.objectNode();
        o.put("deltaSeconds", d.deltaSeconds());
        o.put("deltaMinutes", d.deltaMinutes());
        o.put("deltaHours", d.deltaHours());
        o.put("deltaDays", d.deltaDays());
        return o;
    }

    private static ObjectNode attributeTrustCondition(AttributeTrustCondition a) {
        ObjectNode o = NODES.objectNode();
        o.put("attributeMandated", a.attributeMandated());
        o.put("howCertAttribute", a.howCertAttribute().asn1Name());
        if (a.attrCertificateTrustTrees() != null) {
            o.set("attrCertificateTrustTrees", array(a.attrCertificateTrustTrees(), JsonPolicyWriter::trustPoint));
        }
        if (a.attrRevReq() != null) {
            o.set("attrRevReq", certRevReq(a.attrRevReq()));
        }
        AttributeConstraints c = a.attributeConstraints();
        if (c != null) {
            ObjectNode constraints = o.putObject("attributeConstraints");
            if (c.attributeTypeConstraints() != null) {
                constraints.set("attributeTypeConstarints", oids(c.attributeTypeConstraints()));
            }
            if (c.attributeValueConstraints() != null) {
                constraints.set("attributeValueConstarints", array(c.attributeValueConstraints(), tv -> {
                    ObjectNode n = NODES.objectNode();
                    n.put("type", OidNames.nameOf(tv.type()));
                    n.put("value", tv.value().hex());
                    return n;
                }));
            }
        }
        return o;
    }

    private static ObjectNode algorithmConstraintSet(AlgorithmConstraintSet s) {
        ObjectNode o = NODES.objectNode();
        algorithms(o, "signerAlgorithmConstraints", s.signerAlgorithmConstraints());
        algorithms(o, "eeCertAlgorithmConstraints", s.eeCertAlgorithmConstraints());
        algorithms(o, "caCertAlgorithmConstraints", s.caCertAlgorithmConstraints());
        algorithms(o, "aaCertAlgorithmConstraints", s.aaCertAlgorithmConstraints());
        algorithms(o, "tsaCertAlgorithmConstraints", s.tsaCertAlgorithmConstraints());
        return o;
    }

    private static void algorithms(ObjectNode o, String key, List<AlgAndLength> list) {
        if (list != null) {
            o.set(key, array(list, a -> {
                ObjectNode n = NODES.objectNode();
                n.put("algID", OidNames.nameOf(a.algID()));
                if (a.minKeyLength() != null) {
                    n.put("minKeyLength", a.minKeyLength());
                }
                extensions(n, "other", a.other());
                return n;
            }));
        }
    }

    private static void extensions(ObjectNode o, String key, List<SignPolExtension> extensions) {
        if (extensions != null) {
            o.set(key, array(extensions, x -> {
                ObjectNode n = NODES.objectNode();
                n.put("extnID", x.extnID());
                n.put("extnValue", x.extnValue().hex());
                return n;
            }));
        }
    }

    private static JsonNode directoryText(DirectoryText text) {
        if (text.type() == DirectoryText.Type.UTF8_STRING) {
            return NODES.stringNode(text.text());
        }
        ObjectNode o = NODES.objectNode();
        o.put("text", text.text());
        o.put("type", JsonNames.directoryStringType(text.type()));
        return o;
    }

    private static ArrayNode oids(List<String> oids) {
        ArrayNode a = NODES.arrayNode();
        oids.forEach(oid -> a.add(OidNames.nameOf(oid)));
        return a;
    }

    private static <T> ArrayNode array(List<T> items, Function<T, JsonNode> element) {
        ArrayNode a = NODES.arrayNode();
        items.forEach(item -> a.add(element.apply(item)));
        return a;
    }

    private static String instant(Instant instant) {
        return instant.toString();
    }
}
