package dev.vellum.app.tsa;

import java.time.Clock;

import dev.vellum.app.context.VellumProperties;
import dev.vellum.timestamping.embedded.EmbeddedTsa;
import dev.vellum.timestamping.embedded.EmbeddedTsaConfig;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The time-stamping authority the jobs use. Only the embedded TSA ({@code vellum.upgrade.tsa=embedded},
 * the default) is wired: its key, chain and serial counter live in {@code <data>/tsa}, and it follows
 * the application clock, so {@code --now} moves its genTime too. Opened lazily, on first use.
 */
@Configuration(proxyBeanMethods = false)
public class TsaConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedTsa embeddedTsa(VellumProperties properties, Clock clock) {
        String tsa = properties.upgrade().tsa();
        if (!"embedded".equalsIgnoreCase(tsa)) {
            throw new IllegalStateException("vellum.upgrade.tsa=" + tsa + ": only 'embedded' is wired in this build; "
                    + "external TSAs need the HTTP/failover client configuration, not yet exposed as settings");
        }
        return EmbeddedTsa.open(EmbeddedTsaConfig.builder(properties.dataDir().resolve("tsa")).clock(clock).build());
    }
}
