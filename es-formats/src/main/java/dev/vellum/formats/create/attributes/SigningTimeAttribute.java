package dev.vellum.formats.create.attributes;

import dev.vellum.formats.cms.CadesOids;
import dev.vellum.formats.create.SignedAttributeBuilder;
import dev.vellum.formats.create.SigningContext;
import java.util.Date;
import java.util.Optional;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.Time;

/** signing-time: UTCTime for 1950–2049, else GeneralizedTime (EN 319 122-1 §5.2.1, RFC 5652 §11.3). */
public final class SigningTimeAttribute implements SignedAttributeBuilder {
    @Override
    public Optional<Attribute> build(SigningContext context) {
        // Time(Date) picks UTCTime or GeneralizedTime by year as RFC 5652 requires
        return Optional.of(new Attribute(CadesOids.SIGNING_TIME,
                new DERSet(new Time(Date.from(context.signingTime().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))))));
    }
}
