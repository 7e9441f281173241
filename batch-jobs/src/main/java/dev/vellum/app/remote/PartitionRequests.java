package dev.vellum.app.remote;

import dev.vellum.app.context.ArchiveUnavailableException;

import org.springframework.batch.integration.partition.StepExecutionRequest;

/**
 * A partition request on the wire: the worker step's name and the step execution id, as one line of
 * text. Plain text instead of a serialized Java object, so a worker never deserializes classes from
 * the network.
 */
final class PartitionRequests {
    private PartitionRequests() {
    }

    static String encode(StepExecutionRequest request) {
        return "step=" + request.getStepName() + ";execution=" + request.getStepExecutionId();
    }

    static StepExecutionRequest decode(String text) {
        String[] fields = text == null ? new String[0] : text.split(";", -1);
        if (fields.length != 2 || !fields[0].startsWith("step=") || !fields[1].startsWith("execution=")) {
            throw new ArchiveUnavailableException("not a vellum partition request: " + abbreviate(text));
        }
        try {
            return new StepExecutionRequest(fields[0].substring(5), Long.parseLong(fields[1].substring(10)));
        } catch (NumberFormatException e) {
            throw new ArchiveUnavailableException("not a vellum partition request: " + abbreviate(text), e);
        }
    }

    private static String abbreviate(String text) {
        return text == null ? "null" : text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
