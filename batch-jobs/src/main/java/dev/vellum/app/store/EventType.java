package dev.vellum.app.store;

/** What happened to the archive; one entry of the event log each. */
public enum EventType {
    INGESTED,
    SOURCE_SEEN,
    QUARANTINED,
    VALIDATED,
    UPGRADED,
    RENEWED,
    REPORTED
}
