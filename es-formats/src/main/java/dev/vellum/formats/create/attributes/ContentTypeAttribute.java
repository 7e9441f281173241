package dev.vellum.formats.create.attributes;

import dev.vellum.formats.cms.CadesOids;
import dev.vellum.formats.create.SignedAttributeBuilder;
import dev.vellum.formats.create.SigningContext;
import java.util.Optional;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;

/** content-type = id-data (EN 319 122-1 §5.1.1, req f); absent from countersignatures. */
public final class ContentTypeAttribute implements SignedAttributeBuilder {
    @Override
    public Optional<Attribute> build(SigningContext context) {
        return context.counterSignature() ? Optional.empty()
                : Optional.of(new Attribute(CadesOids.CONTENT_TYPE, new DERSet(CadesOids.DATA)));
    }
}
