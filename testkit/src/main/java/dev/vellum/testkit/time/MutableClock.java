package dev.vellum.testkit.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until a test moves it: build a PKI on it, then travel forward to validate
 * "years later" against the same live services.
 */
public final class MutableClock extends Clock {
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** A UTC clock standing at {@code instant}. */
    public static MutableClock at(Instant instant) {
        return new MutableClock(new AtomicReference<>(Objects.requireNonNull(instant, "instant")), ZoneOffset.UTC);
    }

    /** A UTC clock standing at an ISO-8601 instant such as {@code 2031-05-01T10:00:00Z}. */
    public static MutableClock at(String isoInstant) {
        return at(Instant.parse(isoInstant));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same moving time seen in another zone. */
    @Override
    public Clock withZone(ZoneId zone) {
        return new MutableClock(now, Objects.requireNonNull(zone, "zone"));
    }

    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
    }

    /** Move forward (or back, with a negative duration); returns the new time. */
    public Instant advance(Duration duration) {
        return now.updateAndGet(t -> t.plus(duration));
    }
}
