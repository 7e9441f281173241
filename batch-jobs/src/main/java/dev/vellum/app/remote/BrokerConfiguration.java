package dev.vellum.app.remote;

import javax.sql.DataSource;

import dev.vellum.app.context.ArchiveUnavailableException;
import dev.vellum.app.context.VellumProperties;

import jakarta.jms.ConnectionFactory;

import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The message broker of remote partitioning, only in the manager and worker roles: an embedded ActiveMQ
 * Artemis broker in the manager ({@code vellum.remote.embedded-broker}, listening at
 * {@code broker-url}), and the JMS connection everyone opens to it. Also refuses a database the
 * processes cannot share.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${vellum.remote.role:none}'.toLowerCase() != 'none'")
public class BrokerConfiguration {

    /** The embedded broker; in-memory (a lost partition request is sent again when the job is restarted). */
    @Bean(destroyMethod = "stop")
    @Lazy(false)
    EmbeddedBroker embeddedBroker(VellumProperties properties, DataSource dataSource) throws Exception {
        requireSharedDatabase(dataSource);
        VellumProperties.Remote remote = properties.remote();
        if (!remote.isManager() || !remote.embeddedBroker()) {
            return new EmbeddedBroker(null);
        }
        ConfigurationImpl configuration = new ConfigurationImpl();
        configuration.setPersistenceEnabled(false);
        configuration.setSecurityEnabled(false);
        configuration.setJournalDirectory(properties.dataDir().resolve("broker").toString());
        configuration.addAcceptorConfiguration("vellum", remote.brokerUrl());
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
        broker.setConfiguration(configuration);
        try {
            broker.start();
        } catch (Exception e) {
            throw new ArchiveUnavailableException("cannot start the embedded broker at " + remote.brokerUrl() + ": "
                    + e.getMessage(), e);
        }
        return new EmbeddedBroker(broker);
    }

    @Bean
    ConnectionFactory brokerConnectionFactory(VellumProperties properties, EmbeddedBroker broker) {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(properties.remote().brokerUrl());
        // No prefetch: a worker takes a partition only when it is free, so partitions spread over the workers.
        factory.setConsumerWindowSize(0);
        return factory;
    }

    /** Remote partitioning shares the job repository: H2 files belong to one process. */
    static void requireSharedDatabase(DataSource dataSource) {
        try (var connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            if (!product.toLowerCase(java.util.Locale.ROOT).contains("postgres")) {
                throw new ArchiveUnavailableException("vellum.remote.role needs the manager and its workers to share a "
                        + "PostgreSQL database (spring.datasource.url); this archive uses " + product);
            }
        } catch (java.sql.SQLException e) {
            throw new ArchiveUnavailableException("cannot reach the database: " + e.getMessage(), e);
        }
    }

    /** The embedded broker when this process runs one (the manager), else nothing. */
    public static final class EmbeddedBroker {
        private final EmbeddedActiveMQ broker;

        EmbeddedBroker(EmbeddedActiveMQ broker) {
            this.broker = broker;
        }

        public void stop() throws Exception {
            if (broker != null) {
                broker.stop();
            }
        }
    }
}
