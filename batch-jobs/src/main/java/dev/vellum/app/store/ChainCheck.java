package dev.vellum.app.store;

import java.util.List;

/** The outcome of walking the event chain from its first entry to its head. */
public record ChainCheck(long entries, List<String> problems) {
    public ChainCheck {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
