package dev.vellum.app.context;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every {@code vellum.*} setting, bound from the bundled defaults, the {@code --config} file and
 * the global command-line options (which win). docs/operations.md lists them.
 */
@ConfigurationProperties("vellum")
public record VellumProperties(
        @DefaultValue("./vellum-data") Path dataDir,
        Instant now,
        @DefaultValue Ingest ingest,
        @DefaultValue Jobs jobs,
        @DefaultValue Upgrade upgrade,
        @DefaultValue Renew renew,
        @DefaultValue Schedule schedule,
        @DefaultValue Validation validation,
        @DefaultValue Tsa tsa,
        @DefaultValue Seal seal,
        @DefaultValue Remote remote,
        @DefaultValue Api api) {

    /**
     * Trust and validation data for validation: PEM files or directories of trust anchors, and
     * directories (or files) of certificates and CRLs supplied to every validation. {@code online}
     * lets the first validation at ingest fetch revocation data from {@code allowed-hosts};
     * revalidation is always offline, from the archive.
     */
    public record Validation(@DefaultValue List<Path> trust, @DefaultValue List<Path> validationData,
                             @DefaultValue("false") boolean online, @DefaultValue List<String> allowedHosts,
                             Path policyDir) {
    }

    /** Limits that keep hostile input from exhausting memory or the stack. */
    public record Ingest(
            @DefaultValue("67108864") long maxItemBytes,
            @DefaultValue("32") int maxMimeDepth,
            @DefaultValue("5000") int maxMimeParts,
            @DefaultValue("1048576") int maxHeaderBytes) {
    }

    /** Chunk size and the number of partitions worked on in parallel (0 = one per core). */
    public record Jobs(@DefaultValue("50") int chunkSize, @DefaultValue("0") int partitions,
                       @DefaultValue("0") int skipLimit) {
        public int effectivePartitions() {
            return partitions > 0 ? partitions : Math.max(1, Runtime.getRuntime().availableProcessors());
        }

        /** 0 means: no limit; every bad item is quarantined and the job goes on. */
        public long effectiveSkipLimit() {
            return skipLimit > 0 ? skipLimit : Long.MAX_VALUE;
        }
    }

    /**
     * What {@code upgrade} produces: {@code LTA} (CAdES extension) or {@code ERS} (RFC 4998 evidence
     * records); {@code tsa}: {@code embedded} or {@code external} ({@link Tsa}); {@code seal}: put the
     * archive seal ({@link Seal}) on every signature before the LTA extension; {@code ers}: options of
     * the ERS target ({@link Ers}).
     */
    public record Upgrade(@DefaultValue("LTA") String target, @DefaultValue("embedded") String tsa,
                          @DefaultValue("false") boolean seal, @DefaultValue Ers ers) {
    }

    /**
     * {@code embed}: besides the archive-level evidence record, write a new version of every signed item
     * whose first signature carries an evidence record of its own (ETSI TS 119 122-3), made by the same
     * time-stamp. The embedded record is a snapshot: the renew job renews the archive-level record only.
     */
    public record Ers(@DefaultValue("false") boolean embed) {
    }

    /**
     * External RFC 3161 TSAs, tried in order with failover when {@code vellum.upgrade.tsa=external};
     * {@code trust}: the roots their tokens must chain to (also trusted when validating time-stamps);
     * {@code fallback-to-embedded}: use the embedded TSA when every external one failed.
     */
    public record Tsa(@DefaultValue List<TsaSource> sources, @DefaultValue List<Path> trust,
                      @DefaultValue("false") boolean fallbackToEmbedded,
                      @DefaultValue("PT10S") Duration connectTimeout, @DefaultValue("PT30S") Duration requestTimeout,
                      @DefaultValue("2") int attempts, @DefaultValue("PT0.5S") Duration retryBackoff) {
    }

    /**
     * One external TSA. {@code username} with {@code password-file} (or {@code password}) for HTTP basic
     * authentication; {@code client-certificate} (PKCS#12) with its {@code client-certificate-password-file}
     * for TLS client authentication, the server checked against {@code server-trust} (PEM, default: the
     * JDK's trust store); {@code policy}: the TSA policy OID to ask for.
     */
    public record TsaSource(URI url, String name, String username, Path passwordFile, String password,
                            Path clientCertificate, Path clientCertificatePasswordFile, Path serverTrust,
                            String policy) {
    }

    /**
     * The archive seal: an EPES countersignature with the PKCS#12 {@code key} ({@code password-file}) under
     * the signature policy {@code policy} (an OID registered in {@code policy-dir}), optionally with a
     * commitment type OID.
     */
    public record Seal(Path key, Path passwordFile, String policy, Path policyDir, String commitmentType) {
    }

    /**
     * Remote partitioning of {@code revalidate} over JMS (docs/operations.md): {@code role} {@code none}
     * (default: everything in this process), {@code manager} (sends the partitions to the broker and
     * waits for the workers through the shared job repository) or {@code worker} ({@code vellum serve
     * --worker}: runs partitions it receives). Both need the same PostgreSQL database and data directory.
     * The manager starts an embedded ActiveMQ Artemis broker at {@code broker-url} when
     * {@code embedded-broker} is true; otherwise everyone connects to the broker there.
     */
    public record Remote(@DefaultValue("none") String role, @DefaultValue("tcp://127.0.0.1:61616") String brokerUrl,
                         @DefaultValue("true") boolean embeddedBroker, @DefaultValue("vellum.partitions") String queue,
                         String workerName, @DefaultValue("1") int concurrency,
                         @DefaultValue("PT1S") Duration pollInterval, @DefaultValue("PT0S") Duration timeout) {
        public boolean isManager() {
            return "manager".equalsIgnoreCase(role);
        }

        public boolean isWorker() {
            return "worker".equalsIgnoreCase(role);
        }
    }

    /**
     * The HTTP API of {@code vellum serve} (docs/operations.md): off unless {@code enabled}; listens on
     * {@code address}:{@code port} (loopback by default); with {@code token-file} every request needs
     * {@code Authorization: Bearer <token>}; uploads larger than {@code max-upload-bytes} are refused.
     */
    public record Api(@DefaultValue("false") boolean enabled, @DefaultValue("127.0.0.1") String address,
                      @DefaultValue("8080") int port, Path tokenFile,
                      @DefaultValue("67108864") long maxUploadBytes) {
    }

    public record Renew(@DefaultValue("P1Y") Period horizon) {
    }

    /** Cron expressions (Spring's six-field form) used by {@code vellum serve}; empty = not scheduled. */
    public record Schedule(@DefaultValue("") String ingest, @DefaultValue List<Path> ingestPaths,
                           @DefaultValue("") String upgrade, @DefaultValue("") String revalidate,
                           @DefaultValue("") String renew, @DefaultValue("") String report,
                           @DefaultValue("") String reportDir) {
    }
}
