package dev.vellum.formats.create;

import java.util.Optional;
import org.bouncycastle.asn1.cms.Attribute;

/** Makes one signed attribute (one small class per CAdES attribute; see {@code create.attributes}). */
@FunctionalInterface
public interface SignedAttributeBuilder {
    /** The attribute, or empty when it does not apply in this context (e.g. content-type in a countersignature). */
    Optional<Attribute> build(SigningContext context);
}
