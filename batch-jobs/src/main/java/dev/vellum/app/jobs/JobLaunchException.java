package dev.vellum.app.jobs;

/** A job could not be started or restarted (not: a job that ran and failed, which is a {@link JobRun}). */
public final class JobLaunchException extends RuntimeException {
    public JobLaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
