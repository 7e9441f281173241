package dev.vellum.timestamping.embedded;

import dev.vellum.timestamping.DigestAlgorithm;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * How the embedded TSA runs. Build with {@link #builder(Path)}; only the data directory is required.
 *
 * @param dataDirectory    where the key, chain, serial counter and lock live
 * @param clock            the TSA's time source (genTime); a fixed clock reproduces a run
 * @param policyOid        the TSA policy put in every token
 * @param accuracy         the accuracy claimed in every token (RFC 3161 §2.4.2)
 * @param acceptedAlgorithms imprint algorithms the TSA accepts
 * @param serialBlockSize  serial numbers reserved per durable write (1 = persist before every token)
 * @param tsaCertificateValidity lifetime of a generated TSA certificate
 * @param pkcs12           an operator-provided key and chain; null to generate one
 * @param pkcs12Password   its password
 * @param pkcs12Alias      its key entry, null for the first
 */
public record EmbeddedTsaConfig(Path dataDirectory, Clock clock, String policyOid, Duration accuracy,
                                Set<DigestAlgorithm> acceptedAlgorithms, int serialBlockSize,
                                Duration tsaCertificateValidity, Path pkcs12, char[] pkcs12Password,
                                String pkcs12Alias) {

    /**
     * The embedded TSA's default policy OID: a UUID-derived OID (ITU-T X.667, arc 2.25) so that it
     * collides with no real TSA policy. Tokens carrying it are test/air-gap tokens.
     */
    public static final String DEFAULT_POLICY_OID = "2.25.111051553659767977263690407214238739543";

    public EmbeddedTsaConfig {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(policyOid, "policyOid");
        Objects.requireNonNull(accuracy, "accuracy");
        acceptedAlgorithms = Set.copyOf(acceptedAlgorithms);
        if (serialBlockSize < 1) {
            throw new IllegalArgumentException("serialBlockSize must be at least 1");
        }
    }

    public static Builder builder(Path dataDirectory) {
        return new Builder(dataDirectory);
    }

    /** Defaults: system clock, {@link #DEFAULT_POLICY_OID}, accuracy 1 s, SHA-2 and SHA-3, blocks of 32 serials, 10-year TSA certificate. */
    public static final class Builder {
        private final Path dataDirectory;
        private Clock clock = Clock.systemUTC();
        private String policyOid = DEFAULT_POLICY_OID;
        private Duration accuracy = Duration.ofSeconds(1);
        private Set<DigestAlgorithm> acceptedAlgorithms = EnumSet.of(DigestAlgorithm.SHA256, DigestAlgorithm.SHA384,
                DigestAlgorithm.SHA512, DigestAlgorithm.SHA3_256, DigestAlgorithm.SHA3_384, DigestAlgorithm.SHA3_512);
        private int serialBlockSize = 32;
        private Duration tsaCertificateValidity = Duration.ofDays(3653);
        private Path pkcs12;
        private char[] pkcs12Password;
        private String pkcs12Alias;

        private Builder(Path dataDirectory) {
            this.dataDirectory = Objects.requireNonNull(dataDirectory, "dataDirectory");
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder policyOid(String oid) {
            this.policyOid = oid;
            return this;
        }

        public Builder accuracy(Duration accuracy) {
            this.accuracy = accuracy;
            return this;
        }

        public Builder acceptedAlgorithms(Set<DigestAlgorithm> algorithms) {
            this.acceptedAlgorithms = algorithms;
            return this;
        }

        public Builder serialBlockSize(int size) {
            this.serialBlockSize = size;
            return this;
        }

        public Builder tsaCertificateValidity(Duration validity) {
            this.tsaCertificateValidity = validity;
            return this;
        }

        /** Use this PKCS#12 key and chain instead of generating one. */
        public Builder pkcs12(Path file, char[] password, String alias) {
            this.pkcs12 = file;
            this.pkcs12Password = password == null ? null : password.clone();
            this.pkcs12Alias = alias;
            return this;
        }

        public EmbeddedTsaConfig build() {
            return new EmbeddedTsaConfig(dataDirectory, clock, policyOid, accuracy, acceptedAlgorithms,
                    serialBlockSize, tsaCertificateValidity, pkcs12, pkcs12Password, pkcs12Alias);
        }
    }
}
