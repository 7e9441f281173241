package dev.vellum.formats.create.attributes;

import dev.vellum.formats.cms.CadesOids;
import dev.vellum.formats.create.SignedAttributeBuilder;
import dev.vellum.formats.create.SigningContext;
import java.util.Optional;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.cms.Attribute;

/** mime-type of the signed data (EN 319 122-1 §5.2.4.2; req t: should be present); not in countersignatures. */
public final class MimeTypeAttribute implements SignedAttributeBuilder {
    private final String mimeType;

    public MimeTypeAttribute(String mimeType) {
        this.mimeType = mimeType;
    }

    @Override
    public Optional<Attribute> build(SigningContext context) {
        return context.counterSignature() ? Optional.empty()
                : Optional.of(new Attribute(CadesOids.MIME_TYPE, new DERSet(new DERUTF8String(mimeType))));
    }
}
