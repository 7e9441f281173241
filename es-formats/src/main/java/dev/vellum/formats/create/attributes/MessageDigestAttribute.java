package dev.vellum.formats.create.attributes;

import dev.vellum.formats.cms.CadesOids;
import dev.vellum.formats.create.SignedAttributeBuilder;
import dev.vellum.formats.create.SigningContext;
import java.util.Optional;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;

/** message-digest = H(content) (EN 319 122-1 §5.1.2, RFC 5652 §11.2). */
public final class MessageDigestAttribute implements SignedAttributeBuilder {
    @Override
    public Optional<Attribute> build(SigningContext context) {
        return Optional.of(new Attribute(CadesOids.MESSAGE_DIGEST, new DERSet(new DEROctetString(context.contentDigest()))));
    }
}
