package dev.vellum.formats.create.attributes;

import dev.vellum.formats.cms.CadesOids;
import dev.vellum.formats.create.SignedAttributeBuilder;
import dev.vellum.formats.create.SigningContext;
import dev.vellum.timestamping.DigestAlgorithm;
import dev.vellum.timestamping.TimestampSource;
import java.util.Optional;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.tsp.TimeStampToken;

/** content-time-stamp over the raw content octets (EN 319 122-1 §5.2.8, STANDARDS.md §1.2 A). */
public final class ContentTimestampAttribute implements SignedAttributeBuilder {
    private final TimestampSource source;
    private final DigestAlgorithm algorithm;

    public ContentTimestampAttribute(TimestampSource source, DigestAlgorithm algorithm) {
        this.source = source;
        this.algorithm = algorithm;
    }

    @Override
    public Optional<Attribute> build(SigningContext context) {
        if (context.counterSignature()) {
            return Optional.empty();
        }
        TimeStampToken token = source.timestamp(algorithm, context.content().digest(algorithm));
        return Optional.of(new Attribute(CadesOids.CONTENT_TIMESTAMP,
                new DERSet(token.toCMSSignedData().toASN1Structure())));
    }
}
