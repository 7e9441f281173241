package dev.vellum.app.ingest.inspect;

/** Bounds on hostile input: MIME nesting depth, number of parts, size of the header block. */
public record InspectionLimits(int maxMimeDepth, int maxMimeParts, int maxHeaderBytes) {
    public static final InspectionLimits DEFAULT = new InspectionLimits(32, 5000, 1 << 20);
}
