package dev.vellum.app.tsa;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.vellum.app.context.ArchiveUnavailableException;
import dev.vellum.app.context.VellumProperties;
import dev.vellum.timestamping.TimestampSource;
import dev.vellum.timestamping.embedded.EmbeddedTsa;
import dev.vellum.timestamping.embedded.EmbeddedTsaConfig;
import dev.vellum.validation.trust.TrustAnchors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The time-stamping authorities of the jobs, chosen by {@code vellum.upgrade.tsa}:
 * <ul>
 *   <li>{@code embedded} (default): the embedded TSA, whose key, chain and serial counter live in
 *       {@code <data>/tsa}; it follows the application clock, so {@code --now} moves its genTime too;</li>
 *   <li>{@code external}: the RFC 3161 TSAs of {@code vellum.tsa.sources}, tried in order (retry, circuit
 *       breaker, failover), each token verified against {@code vellum.tsa.trust}; the embedded TSA is
 *       used only when every external one failed and {@code vellum.tsa.fallback-to-embedded=true}.</li>
 * </ul>
 * Everything is opened on first use: the embedded TSA takes its own directory lock and may generate a key.
 */
@Configuration(proxyBeanMethods = false)
public class TsaConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedTsa embeddedTsa(VellumProperties properties, Clock clock) {
        return EmbeddedTsa.open(EmbeddedTsaConfig.builder(embeddedDirectory(properties)).clock(clock).build());
    }

    @Bean
    ArchiveTsa archiveTsa(VellumProperties properties, Clock clock, ObjectProvider<EmbeddedTsa> embedded) {
        TimestampSource embeddedSource = (algorithm, digest) -> embedded.getObject().timestamp(algorithm, digest);
        String mode = properties.upgrade().tsa().toLowerCase(Locale.ROOT);
        switch (mode) {
            case "embedded" -> {
                // A remote worker only validates: it reads the chain the manager's TSA wrote and never opens
                // the TSA itself (which allows one process per directory, for unique serial numbers).
                return new ArchiveTsa("embedded", embeddedSource,
                        () -> Optional.of(embedded.getObject().certificateChain().get(0).getNotAfter().toInstant()),
                        () -> properties.remote().isWorker() ? previousEmbeddedChain(properties)
                                : embedded.getObject().certificateChain());
            }
            case "external" -> {
                VellumProperties.Tsa settings = properties.tsa();
                boolean fallback = settings.fallbackToEmbedded();
                var failover = ExternalTsas.failover(settings, clock, fallback ? embeddedSource : null);
                List<X509Certificate> roots = ExternalTsas.roots(settings);
                return new ArchiveTsa("external: " + String.join(", ", failover.names()), failover, Optional::empty, () -> {
                    List<X509Certificate> anchors = new ArrayList<>(roots);
                    // The embedded TSA's chain stays trusted when it may be (or was once) used.
                    if (fallback) {
                        anchors.addAll(embedded.getObject().certificateChain());
                    } else {
                        anchors.addAll(previousEmbeddedChain(properties));
                    }
                    return anchors;
                });
            }
            default -> throw new ArchiveUnavailableException("vellum.upgrade.tsa=" + properties.upgrade().tsa()
                    + ": use 'embedded' or 'external' (with vellum.tsa.sources)");
        }
    }

    private static Path embeddedDirectory(VellumProperties properties) {
        return properties.dataDir().resolve("tsa");
    }

    /** The chain the embedded TSA last wrote (one this archive used before switching to external TSAs), if any. */
    private static List<X509Certificate> previousEmbeddedChain(VellumProperties properties) {
        Path chain = embeddedDirectory(properties).resolve("chain.pem");
        return Files.isRegularFile(chain) ? TrustAnchors.readCertificates(chain) : List.of();
    }
}
