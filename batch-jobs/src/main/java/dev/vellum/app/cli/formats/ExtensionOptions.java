package dev.vellum.app.cli.formats;

import dev.vellum.app.cli.VellumCommand;
import dev.vellum.formats.ValidationDataSource;
import dev.vellum.formats.extend.CadesExtender;
import dev.vellum.formats.extend.StaticValidationDataSource;
import dev.vellum.timestamping.TimestampSource;
import dev.vellum.timestamping.embedded.EmbeddedTsa;
import dev.vellum.timestamping.embedded.EmbeddedTsaConfig;
import dev.vellum.timestamping.http.HttpTimestampClient;
import dev.vellum.timestamping.verify.TokenVerifier;
import dev.vellum.validation.SignatureValidator;
import dev.vellum.validation.data.Origin;
import dev.vellum.validation.data.ValidationDataCollector;
import dev.vellum.validation.data.ValidationMaterial;
import dev.vellum.validation.fetch.FetchSettings;
import dev.vellum.validation.trust.TrustAnchors;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * Options shared by {@code vellum sign} and {@code vellum extend} for the time-stamp and
 * validation-data sources, and the wiring from them to es-formats' {@link CadesExtender}.
 */
final class ExtensionOptions implements AutoCloseable {
    @Option(names = "--tsa", paramLabel = "URL|embedded",
            description = "Time-stamp authority for T/LTA: an RFC 3161 URL, or 'embedded' for Vellum's own TSA "
                    + "in <data>/tsa (labelled for testing; its chain is trusted automatically). Default: embedded.")
    String tsa = "embedded";

    @Option(names = "--trust", paramLabel = "PEM|DIR|P12|JKS",
            description = "Trust anchors (repeatable) for building the chains LT/LTA embed, and for checking TSA tokens.")
    List<Path> trust = new ArrayList<>();

    @Option(names = "--trust-password", paramLabel = "PASSWORD", description = "Password of PKCS#12/JKS trust stores.")
    String trustPassword = "";

    @Option(names = "--validation-data", paramLabel = "DIR",
            description = "Certificates, CRLs and OCSP responses to embed for LT/LTA (recognised by content). "
                    + "Used together with what the validation module fetches from CRL/OCSP/AIA URLs unless --offline.")
    Path validationData;

    @Option(names = "--offline", description = "Fetch nothing: embed only --validation-data and what the signature carries.")
    boolean offline;

    private EmbeddedTsa embedded;

    Clock clock(VellumCommand vellum) {
        return vellum != null && vellum.globalOptions().now() != null
                ? Clock.fixed(vellum.globalOptions().now(), ZoneOffset.UTC) : Clock.systemUTC();
    }

    CadesExtender extender(VellumCommand vellum, boolean needsValidationData, boolean force) {
        Clock clock = clock(vellum);
        TrustAnchors anchors = anchors();
        TimestampSource timestamps = timestampSource(vellum, clock, anchors);
        if (embedded != null) {
            // the embedded TSA publishes no CRL or OCSP: its own certificate is the anchor, so LT needs none for it
            anchors = anchors.union(TrustAnchors.of(embedded.certificateChain()));
        }
        CadesExtender.Builder b = CadesExtender.builder().timestampSource(timestamps).clock(clock).force(force);
        if (needsValidationData) {
            b.validationDataSource(validationDataSource(anchors, clock));
        }
        return b.build();
    }

    /** The validation module's collector: chains to the trust anchors, revocation data fetched (allow-listed) or supplied. */
    private ValidationDataSource validationDataSource(TrustAnchors anchors, Clock clock) {
        ValidationMaterial material = validationData == null ? ValidationMaterial.empty()
                : ValidationMaterial.of(Origin.SUPPLIED, StaticValidationDataSource.fromDirectory(validationData).pool());
        FetchSettings.Builder fetch = FetchSettings.builder().offline(offline).allowAnyHost();
        SignatureValidator validator = SignatureValidator.builder().trustAnchors(anchors).fetchSettings(fetch.build())
                .material(material).clock(clock).build();
        return new ValidationDataCollector(validator.services(), material);
    }

    private TimestampSource timestampSource(VellumCommand vellum, Clock clock, TrustAnchors anchors) {
        if (tsa.toLowerCase(Locale.ROOT).equals("embedded")) {
            Path data = vellum == null ? Path.of("vellum-data") : vellum.globalOptions().dataDirOrDefault();
            embedded = EmbeddedTsa.open(EmbeddedTsaConfig.builder(data.resolve("tsa")).clock(clock).build());
            return embedded;
        }
        TokenVerifier.Builder verifier = TokenVerifier.builder().clock(clock);
        anchors.certificates().forEach(verifier::trustAnchor);
        return HttpTimestampClient.builder(URI.create(tsa)).verifier(verifier.build()).build();
    }

    private TrustAnchors anchors() {
        TrustAnchors anchors = TrustAnchors.empty();
        for (Path t : trust) {
            String n = t.getFileName().toString().toLowerCase(Locale.ROOT);
            anchors = anchors.union(n.endsWith(".p12") || n.endsWith(".pfx") || n.endsWith(".jks")
                    ? TrustAnchors.fromKeyStore(t, trustPassword.toCharArray()) : TrustAnchors.fromPath(t));
        }
        return anchors;
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
