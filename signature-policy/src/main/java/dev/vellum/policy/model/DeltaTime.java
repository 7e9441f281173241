package dev.vellum.policy.model;

import java.time.Duration;

/**
 * RFC 3125 §3.9.5 DeltaTime. The four parts are kept as written (1 day and 24 hours encode
 * differently); {@link #toDuration()} gives the total.
 */
public record DeltaTime(long deltaSeconds, long deltaMinutes, long deltaHours, long deltaDays) {
    public Duration toDuration() {
        return Duration.ofSeconds(deltaSeconds).plusMinutes(deltaMinutes).plusHours(deltaHours).plusDays(deltaDays);
    }
}
