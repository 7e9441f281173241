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
import dev.vellum.app.store.ArchiveIndex;
import dev.vellum.app.store.BlobStore;
import dev.vellum.app.tsa.ArchiveTsa;
import dev.vellum.app.upgrade.LtaExtension;
import dev.vellum.formats.extend.CadesExtender;
import dev.vellum.policy.PolicyRegistry;
import dev.vellum.validation.data.ValidationDataCollector;
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
    ItemValidation itemValidation(VellumProperties properties, Clock clock, BlobStore blobs, ArchiveIndex index,
                                  ArchiveTsa tsa) {
        VellumProperties.Validation settings = properties.validation();
        TrustAnchors trust = trust(settings.trust()).union(TrustAnchors.of(tsa.trustAnchors()));
        ValidationMaterial material = material(settings.validationData());
        PolicyRegistry policies = policies(properties);
        SignatureValidator offline = SignatureValidator.builder().trustAnchors(trust).material(material)
                .policyRegistry(policies).fetchSettings(FetchSettings.offlineOnly()).clock(clock).build();
        SignatureValidator first = offline;
        if (settings.online()) {
            FetchSettings.Builder fetch = FetchSettings.builder().offline(false)
                    .cacheDirectory(properties.dataDir().resolve("cache/revocation"));
            settings.allowedHosts().forEach(fetch::allowHost);
            first = SignatureValidator.builder().trustAnchors(trust).material(material).policyRegistry(policies)
                    .fetchSettings(fetch.build()).clock(clock).build();
        }
        return new ItemValidation(offline, first, blobs, index);
    }

    /**
     * CAdES extension for the LTA upgrade and renewal: time-stamps from the archive's TSA and the
     * validation module's collector for the chains and revocation data LT embeds (online within the
     * allow-list when {@code online=true}).
     */
    @Bean
    LtaExtension ltaExtension(VellumProperties properties, Clock clock, ArchiveTsa tsa) {
        VellumProperties.Validation settings = properties.validation();
        ValidationMaterial material = material(settings.validationData());
        FetchSettings.Builder fetch = FetchSettings.builder().offline(!settings.online());
        settings.allowedHosts().forEach(fetch::allowHost);
        // The archive's TSAs are trusted for their earlier tokens, whose chains a renewal must embed.
        SignatureValidator collectorValidator = SignatureValidator.builder()
                .trustAnchors(trust(settings.trust()).union(TrustAnchors.of(tsa.trustAnchors())))
                .material(material).fetchSettings(fetch.build()).clock(clock).build();
        return new LtaExtension(CadesExtender.builder()
                .timestampSource(tsa)
                .validationDataSource(new ValidationDataCollector(collectorValidator.services(), material))
                .clock(clock)
                .build());
    }

    /** Policies signatures may name: {@code vellum.validation.policy-dir}, else the seal's registry, else none. */
    static PolicyRegistry policies(VellumProperties properties) {
        Path dir = properties.validation().policyDir() != null ? properties.validation().policyDir()
                : properties.seal().policyDir();
        return dir == null ? PolicyRegistry.empty() : PolicyRegistry.load(dir);
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
