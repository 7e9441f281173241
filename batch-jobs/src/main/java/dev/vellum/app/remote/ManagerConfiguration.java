package dev.vellum.app.remote;

import dev.vellum.app.context.VellumProperties;
import dev.vellum.app.jobs.ModuloPartitioner;

import jakarta.jms.ConnectionFactory;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.integration.partition.RemotePartitioningManagerStepBuilder;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.jms.dsl.Jms;

/**
 * The manager of remote partitioning ({@code vellum.remote.role=manager}): the partitioned step of
 * {@code revalidate} sends one request per partition to the broker's queue and polls the shared job
 * repository until the workers have finished every partition (Spring Batch's polling manager).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "vellum.remote.role", havingValue = "manager")
@EnableIntegration
public class ManagerConfiguration {

    @Bean
    DirectChannel partitionRequests() {
        return new DirectChannel();
    }

    @Bean
    @Lazy(false)
    IntegrationFlow partitionRequestsToBroker(DirectChannel partitionRequests, ConnectionFactory brokerConnectionFactory,
                                              VellumProperties properties) {
        return IntegrationFlow.from(partitionRequests)
                .transform(StepExecutionRequest.class, PartitionRequests::encode)
                .handle(Jms.outboundAdapter(brokerConnectionFactory).destination(properties.remote().queue()))
                .get();
    }

    @Bean
    RemotePartitionSteps remotePartitionSteps(JobRepository jobRepository, DirectChannel partitionRequests,
                                              VellumProperties properties) {
        return new RemotePartitionSteps(jobRepository, partitionRequests, properties);
    }

    /** Builds manager steps whose partitions run on the workers. */
    public static final class RemotePartitionSteps {
        private final JobRepository jobRepository;
        private final DirectChannel requests;
        private final VellumProperties properties;

        RemotePartitionSteps(JobRepository jobRepository, DirectChannel requests, VellumProperties properties) {
            this.jobRepository = jobRepository;
            this.requests = requests;
            this.properties = properties;
        }

        /** A step named {@code name} whose {@code partitions} partitions the workers run as {@code workerStep}. */
        public Step managerStep(String name, String workerStep, int partitions) {
            VellumProperties.Remote remote = properties.remote();
            return new RemotePartitioningManagerStepBuilder(name, jobRepository)
                    .partitioner(workerStep, new ModuloPartitioner(partitions))
                    .gridSize(partitions)
                    .outputChannel(requests)
                    .pollInterval(Math.max(100, remote.pollInterval().toMillis()))
                    .timeout(remote.timeout().toMillis() <= 0 ? -1 : remote.timeout().toMillis())
                    .build();
        }
    }
}
