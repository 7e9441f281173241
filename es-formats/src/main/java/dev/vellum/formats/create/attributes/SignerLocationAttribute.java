package dev.vellum.formats.create.attributes;

import dev.vellum.formats.SignatureFormatException;
import dev.vellum.formats.attribute.SignerLocation;
import dev.vellum.formats.cms.CadesOids;
import dev.vellum.formats.create.SignedAttributeBuilder;
import dev.vellum.formats.create.SigningContext;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.cms.Attribute;

/** signer-location: [0] country, [1] locality, [2] postal address (≤ 6 lines), EXPLICIT (EN 319 122-1 §5.2.5). */
public final class SignerLocationAttribute implements SignedAttributeBuilder {
    private final SignerLocation location;

    public SignerLocationAttribute(SignerLocation location) {
        if (location.countryName().isEmpty() && location.localityName().isEmpty() && location.postalAddress().isEmpty()) {
            throw new SignatureFormatException("a signer location needs a country, a locality or a postal address");
        }
        if (location.postalAddress().size() > 6) {
            throw new SignatureFormatException("a postal address has at most 6 lines");
        }
        this.location = location;
    }

    @Override
    public Optional<Attribute> build(SigningContext context) {
        ASN1EncodableVector v = new ASN1EncodableVector();
        location.countryName().ifPresent(c -> v.add(new DERTaggedObject(true, 0, new DERUTF8String(c))));
        location.localityName().ifPresent(l -> v.add(new DERTaggedObject(true, 1, new DERUTF8String(l))));
        if (!location.postalAddress().isEmpty()) {
            ASN1EncodableVector lines = new ASN1EncodableVector();
            location.postalAddress().forEach(line -> lines.add(new DERUTF8String(line)));
            v.add(new DERTaggedObject(true, 2, new DERSequence(lines)));
        }
        return Optional.of(new Attribute(CadesOids.SIGNER_LOCATION, new DERSet(new DERSequence(v))));
    }
}
