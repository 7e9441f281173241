package dev.vellum.formats.create.attributes;

import dev.vellum.formats.cms.CadesOids;
import dev.vellum.formats.create.SignedAttributeBuilder;
import dev.vellum.formats.create.SigningContext;
import java.util.Optional;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAlgorithmProtection;

/** cms-algorithm-protection binding digest and signature algorithms (RFC 6211; EN 319 122-1 §5.2.13). */
public final class AlgorithmProtectionAttribute implements SignedAttributeBuilder {
    @Override
    public Optional<Attribute> build(SigningContext context) {
        return Optional.of(new Attribute(CadesOids.CMS_ALGORITHM_PROTECTION, new DERSet(new CMSAlgorithmProtection(
                context.digestAlgorithm().algorithmIdentifier(), CMSAlgorithmProtection.SIGNATURE,
                context.signatureAlgorithm()))));
    }
}
