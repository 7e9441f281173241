package dev.vellum.app.context;

import dev.vellum.app.ingest.IngestJobConfiguration;
import dev.vellum.app.jobs.JobsConfiguration;
import dev.vellum.app.remote.BrokerConfiguration;
import dev.vellum.app.remote.ManagerConfiguration;
import dev.vellum.app.remote.WorkerConfiguration;
import dev.vellum.app.renew.RenewJobConfiguration;
import dev.vellum.app.report.ReportJobConfiguration;
import dev.vellum.app.revalidate.RevalidateJobConfiguration;
import dev.vellum.app.revalidate.ValidationConfiguration;
import dev.vellum.app.tsa.TsaConfiguration;
import dev.vellum.app.upgrade.UpgradeJobConfiguration;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.batch.autoconfigure.BatchAutoConfiguration;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The Spring application behind the archive and job commands. No component scan: every
 * configuration is named here, and only the auto-configurations the archive needs are imported,
 * which keeps start-up short and the wiring readable.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@ImportAutoConfiguration({
        DataSourceAutoConfiguration.class,
        DataSourceTransactionManagerAutoConfiguration.class,
        JdbcTemplateAutoConfiguration.class,
        JdbcClientAutoConfiguration.class,
        FlywayAutoConfiguration.class,
        BatchAutoConfiguration.class,
        BatchJdbcAutoConfiguration.class,
})
@EnableConfigurationProperties(VellumProperties.class)
@Import({
        StoreConfiguration.class,
        JobsConfiguration.class,
        IngestJobConfiguration.class,
        ReportJobConfiguration.class,
        TsaConfiguration.class,
        UpgradeJobConfiguration.class,
        ValidationConfiguration.class,
        RevalidateJobConfiguration.class,
        RenewJobConfiguration.class,
        // Remote partitioning: each is skipped unless vellum.remote.role asks for it.
        BrokerConfiguration.class,
        ManagerConfiguration.class,
        WorkerConfiguration.class,
})
public class VellumApplication {
}
