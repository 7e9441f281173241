package dev.vellum.app.context;

import java.time.Clock;
import java.time.ZoneOffset;

import dev.vellum.app.store.ArchiveIndex;
import dev.vellum.app.store.BlobStore;
import dev.vellum.app.store.EventLog;
import dev.vellum.app.store.StoreVerifier;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The archive store: blobs under the data directory, the index and event log in the database, one clock. */
@Configuration(proxyBeanMethods = false)
public class StoreConfiguration {

    /** The application clock: fixed at {@code --now} when given, so runs are reproducible. */
    @Bean
    Clock clock(VellumProperties properties) {
        return properties.now() == null ? Clock.systemUTC() : Clock.fixed(properties.now(), ZoneOffset.UTC);
    }

    @Bean
    BlobStore blobStore(VellumProperties properties) {
        return new BlobStore(properties.dataDir().resolve("store"));
    }

    @Bean
    ArchiveIndex archiveIndex(JdbcClient jdbc) {
        return new ArchiveIndex(jdbc);
    }

    @Bean
    EventLog eventLog(JdbcClient jdbc, Clock clock) {
        return new EventLog(jdbc, clock);
    }

    @Bean
    StoreVerifier storeVerifier(BlobStore blobs, ArchiveIndex index, EventLog events) {
        return new StoreVerifier(blobs, index, events);
    }
}
