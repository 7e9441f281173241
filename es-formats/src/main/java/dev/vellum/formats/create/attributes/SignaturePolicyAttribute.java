package dev.vellum.formats.create.attributes;

import dev.vellum.formats.cms.CadesOids;
import dev.vellum.formats.cms.Encodings;
import dev.vellum.formats.create.SignedAttributeBuilder;
import dev.vellum.formats.create.SigningContext;
import dev.vellum.policy.RegisteredPolicy;
import java.util.Optional;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;

/**
 * signature-policy-identifier for a policy from the signature-policy registry, whose hash the
 * policy module computed (EN 319 122-1 §5.2.9.1; the hash covers DER(alg) ‖ DER(SignPolicyInfo), trap 7).
 */
public final class SignaturePolicyAttribute implements SignedAttributeBuilder {
    private final RegisteredPolicy policy;

    public SignaturePolicyAttribute(RegisteredPolicy policy) {
        this.policy = policy;
    }

    @Override
    public Optional<Attribute> build(SigningContext context) {
        byte[] der = policy.signaturePolicyId().toDer();
        return Optional.of(new Attribute(CadesOids.SIGNATURE_POLICY, new DERSet(Encodings.parse(der, "policy identifier"))));
    }
}
