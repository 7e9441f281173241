package dev.vellum.formats.create.attributes;

import dev.vellum.formats.cms.CadesOids;
import dev.vellum.formats.create.SignedAttributeBuilder;
import dev.vellum.formats.create.SigningContext;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;

/** commitment-type-indication without qualifiers (EN 319 122-1 §5.2.3). */
public final class CommitmentTypeAttribute implements SignedAttributeBuilder {
    private final String commitmentTypeOid;

    /** @param commitmentTypeOid e.g. {@link dev.vellum.formats.attribute.CommitmentTypeIndication#PROOF_OF_ORIGIN} */
    public CommitmentTypeAttribute(String commitmentTypeOid) {
        this.commitmentTypeOid = commitmentTypeOid;
    }

    @Override
    public Optional<Attribute> build(SigningContext context) {
        return Optional.of(new Attribute(CadesOids.COMMITMENT_TYPE,
                new DERSet(new DERSequence(new ASN1ObjectIdentifier(commitmentTypeOid)))));
    }
}
