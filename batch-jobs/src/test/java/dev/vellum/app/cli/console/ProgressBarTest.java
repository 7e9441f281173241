package dev.vellum.app.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void theBarIsRedrawnInPlaceAndEndsWithTheFinalCount() {
        StringWriter text = new StringWriter();
        AtomicLong done = new AtomicLong(3);
        ProgressBar bar = new ProgressBar(new PrintWriter(text), () -> "upgrade", done::get, () -> 6);
        done.set(6);
        bar.close();

        String out = text.toString();
        // each redraw starts with a carriage return, so a terminal shows one line that fills up
        assertThat(out).startsWith("\rupgrade [");
        assertThat(out).endsWith("\rupgrade [" + "#".repeat(30) + "] 6/6   " + System.lineSeparator());
        assertThat(out).doesNotContain("\n\r");
    }

    @Test
    void anUnknownTotalShowsACountThatKeepsMoving() {
        StringWriter text = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(text), () -> "ingest", () -> 4, () -> 0);
        bar.close();

        assertThat(text.toString()).contains("\ringest [~~~~] 4   ");
    }
}
