package dev.vellum.app.context;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.vellum.app.jobs.JobRun;
import dev.vellum.app.jobs.JobRuns;

import org.springframework.batch.core.job.Job;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The bridge from the command line to the Spring application: starts it with the global options
 * ({@code --data}, {@code --config}, {@code --now}), lazily, and only for the commands that need
 * the archive. Stand-alone tools never touch this class, so they start without Spring.
 */
public final class ArchiveContext implements AutoCloseable {
    private final ConfigurableApplicationContext context;
    private final DataDirectoryLock lock;

    private ArchiveContext(ConfigurableApplicationContext context, DataDirectoryLock lock) {
        this.context = context;
        this.lock = lock;
    }

    public static ArchiveContext open(ArchiveSettings settings) {
        List<String> args = new ArrayList<>();
        if (settings.configFile() != null) {
            Path config = settings.configFile().toAbsolutePath().normalize();
            if (!Files.isRegularFile(config)) {
                throw new ArchiveUnavailableException("configuration file not found: " + settings.configFile());
            }
            args.add("--spring.config.additional-location=file:" + config);
        }
        if (settings.dataDir() != null) {
            args.add("--vellum.data-dir=" + settings.dataDir().toAbsolutePath().normalize());
        }
        if (settings.now() != null) {
            args.add("--vellum.now=" + settings.now());
        }
        settings.properties().forEach((key, value) -> args.add("--" + key + "=" + value));

        SpringApplication application = new SpringApplication(VellumApplication.class);
        application.setRegisterShutdownHook(false);
        DataDirectoryLock[] lock = new DataDirectoryLock[1];
        // Lock as soon as the data directory is known, before the database is opened.
        // A remote-partitioning worker does not lock: it runs only the partitions a manager (which holds the
        // lock) hands it, beside other workers on the same shared data directory.
        application.addListeners((ApplicationEnvironmentPreparedEvent event) -> {
            String dir = event.getEnvironment().getProperty("vellum.data-dir", "./vellum-data");
            if (!"worker".equalsIgnoreCase(event.getEnvironment().getProperty("vellum.remote.role", "none"))) {
                lock[0] = DataDirectoryLock.acquire(Path.of(dir).toAbsolutePath().normalize());
            }
        });
        try {
            ConfigurableApplicationContext context = application.run(args.toArray(String[]::new));
            return new ArchiveContext(context, lock[0]);
        } catch (ArchiveUnavailableException e) {
            release(lock[0]);
            throw e;
        } catch (RuntimeException e) {
            release(lock[0]);
            throw new ArchiveUnavailableException("cannot open the archive: " + rootMessage(e), e);
        }
    }

    /**
     * A bean of the archive, created on first use; a setting it needs that cannot work (a TSA or seal key
     * file, say) is an {@link ArchiveUnavailableException} naming the setting.
     */
    public <T> T bean(Class<T> type) {
        try {
            return context.getBean(type);
        } catch (org.springframework.beans.BeansException e) {
            throw new ArchiveUnavailableException("configuration: " + rootMessage(e), e);
        }
    }

    public Job job(String name) {
        try {
            return context.getBean(name + "Job", Job.class);
        } catch (org.springframework.beans.BeansException e) {
            throw new ArchiveUnavailableException("configuration: " + rootMessage(e), e);
        }
    }

    /** Runs (or resumes) a job to its end in this thread. */
    public JobRun run(String jobName, java.util.Map<String, String> parameters) {
        return bean(JobRuns.class).run(job(jobName), parameters);
    }

    public VellumProperties properties() {
        return bean(VellumProperties.class);
    }

    @Override
    public void close() {
        try {
            context.close();
        } finally {
            release(lock);
        }
    }

    private static void release(DataDirectoryLock lock) {
        if (lock != null) {
            lock.close();
        }
    }

    /** Our own exceptions' messages name the setting or item and the reason; otherwise the root cause says most. */
    static String rootMessage(Throwable t) {
        Throwable cause = t;
        while (true) {
            if (cause.getClass().getName().startsWith("dev.vellum.") && cause.getMessage() != null) {
                return cause.getMessage();
            }
            if (cause.getCause() == null || cause.getCause() == cause) {
                return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            }
            cause = cause.getCause();
        }
    }
}
