package dev.vellum.app.jobs;

/**
 * What the jobs need from the libraries, and whether this build wires it. A capability that is not
 * available makes the job that needs it refuse with {@link #unavailableMessage()}: no job ever
 * invents a verdict or an upgrade it cannot make.
 */
public enum Capability {
    ARCHIVE_STORE("archiving messages in the content-addressed store", null, true),
    VALIDATION("EN 319 102-1 validation", "validation (issue 6: ValidationReport and a validator)", true),
    CADES_EXTENSION("CAdES extension to LTA", "es-formats (issue 5: extension to T/LT/LTA)", true),
    EVIDENCE_RECORDS("RFC 4998 evidence records", "timestamping (issue 3: EvidenceBatch)", true),
    EMBEDDED_TSA("the embedded time-stamping authority", "timestamping (issue 3: embedded TSA)", true),
    EVIDENCE_REPORTS("PDF/JSON/XML evidence reports", "validation reports (issue 7)", true);

    private final String description;
    private final String waitingFor;
    private final boolean available;

    Capability(String description, String waitingFor, boolean available) {
        this.description = description;
        this.waitingFor = waitingFor;
        this.available = available;
    }

    public boolean available() {
        return available;
    }

    public String description() {
        return description;
    }

    /** The library work this capability waits for (null when available). */
    public String waitingFor() {
        return waitingFor;
    }

    public String unavailableMessage() {
        return description + " is not available in this build yet: it needs " + waitingFor;
    }

    public void require() {
        if (!available) {
            throw new CapabilityUnavailableException(this);
        }
    }
}
