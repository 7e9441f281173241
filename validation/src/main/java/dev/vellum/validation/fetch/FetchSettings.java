package dev.vellum.validation.fetch;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * How the one outbound fetcher may reach the network: which hosts, how long to wait, how much to
 * read, and where to cache. {@link #offline()} forbids every request.
 *
 * @param offline no request at all: only embedded or supplied data is used
 * @param allowedHosts host patterns that may be contacted: {@code host}, {@code host:port}, or
 *     {@code *.domain} (any subdomain); {@code *} allows every host
 * @param connectTimeout TCP connect limit
 * @param readTimeout limit for the whole response after connecting
 * @param maxResponseBytes responses longer than this are refused, never read to the end
 * @param cacheDirectory where fetched responses are kept across runs (empty: memory only)
 * @param immutableTtl how long to keep responses without a nextUpdate (certificates from AIA)
 */
public record FetchSettings(boolean offline, Set<String> allowedHosts, Duration connectTimeout,
                            Duration readTimeout, int maxResponseBytes, Optional<Path> cacheDirectory,
                            Duration immutableTtl) {

    public FetchSettings {
        allowedHosts = Set.copyOf(allowedHosts);
        if (maxResponseBytes <= 0) {
            throw new IllegalArgumentException("maxResponseBytes must be positive");
        }
    }

    /** No network access at all. */
    public static FetchSettings offlineOnly() {
        return builder().offline(true).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Whether this URL may be requested: online, http(s), and its host on the allow-list. */
    public boolean allows(URI url) {
        if (offline || url == null || url.getHost() == null) {
            return false;
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return false;
        }
        String host = url.getHost().toLowerCase(Locale.ROOT);
        int port = url.getPort() != -1 ? url.getPort() : scheme.equals("https") ? 443 : 80;
        for (String pattern : allowedHosts) {
            if (matches(pattern.toLowerCase(Locale.ROOT), host, port)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String pattern, String host, int port) {
        if (pattern.equals("*")) {
            return true;
        }
        String hostPattern = pattern;
        int colon = pattern.lastIndexOf(':');
        if (colon > 0 && pattern.indexOf(']') < colon && !pattern.substring(0, colon).contains(":")) {
            hostPattern = pattern.substring(0, colon);
            if (!pattern.substring(colon + 1).equals(Integer.toString(port))) {
                return false;
            }
        }
        if (hostPattern.startsWith("*.")) {
            return host.endsWith(hostPattern.substring(1));
        }
        return host.equals(hostPattern);
    }

    /** Builder with safe defaults: online but no host allowed, 5 s/10 s, 10 MiB, memory cache. */
    public static final class Builder {
        private boolean offline;
        private final Set<String> allowedHosts = new LinkedHashSet<>();
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration readTimeout = Duration.ofSeconds(10);
        private int maxResponseBytes = 10 * 1024 * 1024;
        private Path cacheDirectory;
        private Duration immutableTtl = Duration.ofDays(30);

        public Builder offline(boolean value) {
            this.offline = value;
            return this;
        }

        public Builder allowHost(String pattern) {
            this.allowedHosts.add(pattern);
            return this;
        }

        public Builder allowAnyHost() {
            return allowHost("*");
        }

        public Builder connectTimeout(Duration value) {
            this.connectTimeout = value;
            return this;
        }

        public Builder readTimeout(Duration value) {
            this.readTimeout = value;
            return this;
        }

        public Builder maxResponseBytes(int value) {
            this.maxResponseBytes = value;
            return this;
        }

        public Builder cacheDirectory(Path value) {
            this.cacheDirectory = value;
            return this;
        }

        public Builder immutableTtl(Duration value) {
            this.immutableTtl = value;
            return this;
        }

        public FetchSettings build() {
            return new FetchSettings(offline, allowedHosts, connectTimeout, readTimeout, maxResponseBytes,
                    Optional.ofNullable(cacheDirectory), immutableTtl);
        }
    }
}
