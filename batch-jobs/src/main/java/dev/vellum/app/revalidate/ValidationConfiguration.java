package dev.vellum.app.revalidate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import java.security.cert.X509Certificate;

import dev.vellum.app.context.VellumProperties;
import dev.vellum.validation.SignatureValidator;
import dev.vellum.validation.data.Origin;
import dev.vellum.validation.data.ValidationMaterial;
import dev.vellum.validation.fetch.FetchSettings;
import dev.vellum.validation.trust.TrustAnchors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The EN 319 102-1 validators of the archive, built from {@code vellum.validation.*}: the offline
 * one (revalidation: the archive and the supplied validation data only) and the one used for the
 * first validation at ingest (online within the allow-list when {@code online=true}).
 */
@Configuration(proxyBeanMethods = false)
public class ValidationConfiguration {

    @Bean
    ItemValidation itemValidation(VellumProperties properties, Clock clock, dev.vellum.app.store.BlobStore blobs,
                                  dev.vellum.app.store.ArchiveIndex index,
                                  org.springframework.beans.factory.ObjectProvider<dev.vellum.timestamping.embedded.EmbeddedTsa> embeddedTsa) {
        VellumProperties.Validation settings = properties.validation();
        // The archive's own TSA is trusted for the archive time-stamps it made: its whole chain, since it
        // has no revocation service for its certificate (the same as an operator trusting a rotated chain.pem).
        TrustAnchors trust = trust(settings.trust()).union(TrustAnchors.of(embeddedTsa.getObject().certificateChain()));
        ValidationMaterial material = material(settings.validationData());
        SignatureValidator offline = SignatureValidator.builder().trustAnchors(trust).material(material)
                .fetchSettings(FetchSettings.offlineOnly()).clock(clock).build();
        SignatureValidator first = offline;
        if (settings.online()) {
            FetchSettings.Builder fetch = FetchSettings.builder().offline(false)
                    .cacheDirectory(properties.dataDir().resolve("cache/revocation"));
            settings.allowedHosts().forEach(fetch::allowHost);
            first = SignatureValidator.builder().trustAnchors(trust).material(material).fetchSettings(fetch.build())
                    .clock(clock).build();
        }
        return new ItemValidation(offline, first, blobs, index);
    }

    /**
     * CAdES extension for the LTA upgrade: the embedded TSA (opened on first use; its root trusted for
     * its own tokens) and the validation module's collector for the chains and revocation data LT embeds.
     */
    @Bean
    dev.vellum.app.upgrade.LtaExtension ltaExtension(VellumProperties properties, Clock clock,
                                                     org.springframework.beans.factory.ObjectProvider<dev.vellum.timestamping.embedded.EmbeddedTsa> embeddedTsa) {
        VellumProperties.Validation settings = properties.validation();
        ValidationMaterial material = material(settings.validationData());
        FetchSettings.Builder fetch = FetchSettings.builder().offline(!settings.online());
        settings.allowedHosts().forEach(fetch::allowHost);
        // The archive's own TSA is trusted for its earlier tokens, whose chains LTA renewal must embed.
        SignatureValidator collectorValidator = SignatureValidator.builder()
                .trustAnchors(trust(settings.trust()).union(TrustAnchors.of(embeddedTsa.getObject().certificateChain())))
                .material(material).fetchSettings(fetch.build()).clock(clock).build();
        dev.vellum.timestamping.TimestampSource tsa = (algorithm, digest) -> embeddedTsa.getObject().timestamp(algorithm, digest);
        return new dev.vellum.app.upgrade.LtaExtension(dev.vellum.formats.extend.CadesExtender.builder()
                .timestampSource(tsa)
                .validationDataSource(new dev.vellum.validation.data.ValidationDataCollector(collectorValidator.services(), material))
                .clock(clock)
                .build());
    }

    static TrustAnchors trust(List<Path> paths) {
        List<X509Certificate> all = new ArrayList<>();
        for (Path path : paths) {
            all.addAll(TrustAnchors.fromPath(path).certificates());
        }
        return TrustAnchors.of(all);
    }

    /** Certificates (.pem/.crt/.cer/.der) and CRLs (.crl) from the given files and directories. */
    static ValidationMaterial material(List<Path> paths) {
        List<X509Certificate> certificates = new ArrayList<>();
        List<byte[]> crls = new ArrayList<>();
        for (Path path : paths) {
            List<Path> files;
            if (Files.isDirectory(path)) {
                try (Stream<Path> list = Files.list(path)) {
                    files = list.filter(Files::isRegularFile).sorted().toList();
                } catch (IOException e) {
                    throw new IllegalStateException("cannot list validation data " + path + ": " + e.getMessage(), e);
                }
            } else {
                files = List.of(path);
            }
            for (Path file : files) {
                String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                try {
                    if (name.endsWith(".crl")) {
                        crls.add(Files.readAllBytes(file));
                    } else if (name.endsWith(".pem") || name.endsWith(".crt") || name.endsWith(".cer") || name.endsWith(".der")) {
                        certificates.addAll(TrustAnchors.readCertificates(file));
                    }
                } catch (IOException e) {
                    throw new IllegalStateException("cannot read validation data " + file + ": " + e.getMessage(), e);
                }
            }
        }
        return ValidationMaterial.of(Origin.SUPPLIED, certificates, crls, List.of());
    }
}
