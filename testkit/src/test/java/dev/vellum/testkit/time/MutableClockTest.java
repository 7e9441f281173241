package dev.vellum.testkit.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class MutableClockTest {
    @Test
    void standsStillUntilMoved() {
        MutableClock clock = MutableClock.at("2031-01-01T00:00:00Z");
        assertThat(clock.instant()).isEqualTo(clock.instant()).isEqualTo(Instant.parse("2031-01-01T00:00:00Z"));

        assertThat(clock.advance(Duration.ofDays(1))).isEqualTo(Instant.parse("2031-01-02T00:00:00Z"));
        clock.set(Instant.parse("2040-05-05T05:05:05Z"));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2040-05-05T05:05:05Z"));
    }

    @Test
    void aZonedViewMovesWithTheOriginal() {
        MutableClock clock = MutableClock.at("2031-01-01T00:00:00Z");
        var paris = clock.withZone(ZoneId.of("Europe/Paris"));
        clock.advance(Duration.ofHours(5));
        assertThat(paris.instant()).isEqualTo(clock.instant());
        assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
    }
}
