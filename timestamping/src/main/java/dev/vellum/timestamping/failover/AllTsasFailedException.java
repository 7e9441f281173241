package dev.vellum.timestamping.failover;

import dev.vellum.timestamping.TimestampException;
import dev.vellum.timestamping.TsaException;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Every TSA of a failover chain failed; lists each one's last failure in chain order. */
public final class AllTsasFailedException extends TimestampException {
    private final transient List<TsaException> failures;

    public AllTsasFailedException(List<TsaException> failures) {
        super(message(failures));
        this.failures = List.copyOf(failures);
        failures.forEach(this::addSuppressed);
    }

    /** One failure per TSA, in chain order. */
    public List<TsaException> failures() {
        return failures;
    }

    private static String message(List<TsaException> failures) {
        return "all " + failures.size() + " TSAs failed to time-stamp: " + IntStream.range(0, failures.size())
                .mapToObj(i -> "[" + (i + 1) + "] " + failures.get(i).getMessage())
                .collect(Collectors.joining("; "));
    }
}
