package dev.vellum.app.remote;

import java.net.InetAddress;
import java.net.UnknownHostException;

import dev.vellum.app.context.VellumProperties;
import dev.vellum.app.revalidate.RevalidateJobConfiguration;

import jakarta.jms.ConnectionFactory;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.RemotePartitioningWorkerStepBuilder;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.jms.dsl.Jms;

/**
 * A worker of remote partitioning ({@code vellum serve --worker}, {@code vellum.remote.role=worker}):
 * takes partition requests from the broker's queue, one at a time per consumer, and runs the named
 * worker step — the same reader, processor and writer as a local partition — against the shared
 * database and data directory. Each partition it runs records the worker's name in its step
 * execution context ({@value #WORKER_KEY}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "vellum.remote.role", havingValue = "worker")
@EnableIntegration
public class WorkerConfiguration {
    public static final String WORKER_KEY = "vellum.worker";

    @Bean
    DirectChannel partitionRequests() {
        return new DirectChannel();
    }

    @Bean
    @Lazy(false)
    IntegrationFlow partitionRequestsFromBroker(ConnectionFactory brokerConnectionFactory, DirectChannel partitionRequests,
                                                VellumProperties properties) {
        return IntegrationFlow.from(Jms.messageDrivenChannelAdapter(brokerConnectionFactory)
                        .destination(properties.remote().queue())
                        .configureListenerContainer(c -> c.concurrentConsumers(Math.max(1, properties.remote().concurrency()))))
                .transform(String.class, PartitionRequests::decode)
                .channel(partitionRequests)
                .get();
    }

    /** The revalidate job's worker step, found by its name when a request for it arrives. */
    @Bean(RevalidateJobConfiguration.WORKER_STEP)
    @Lazy(false)
    Step revalidateWorkerStep(JobRepository jobRepository, DirectChannel partitionRequests, BeanFactory beanFactory,
                              RevalidateJobConfiguration.WorkerStepParts parts, VellumProperties properties) {
        RemotePartitioningWorkerStepBuilder builder = new RemotePartitioningWorkerStepBuilder(
                RevalidateJobConfiguration.WORKER_STEP, jobRepository)
                .inputChannel(partitionRequests)
                .beanFactory(beanFactory);
        builder.listener(workerName(properties.remote()));
        return parts.build(builder);
    }

    private static StepExecutionListener workerName(VellumProperties.Remote remote) {
        String name = remote.workerName() != null && !remote.workerName().isBlank() ? remote.workerName() : hostName();
        return new StepExecutionListener() {
            @Override
            public void beforeStep(StepExecution stepExecution) {
                stepExecution.getExecutionContext().putString(WORKER_KEY, name);
            }
        };
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName() + "-" + ProcessHandle.current().pid();
        } catch (UnknownHostException e) {
            return "worker-" + ProcessHandle.current().pid();
        }
    }
}
