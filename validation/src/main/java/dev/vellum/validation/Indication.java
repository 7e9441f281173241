package dev.vellum.validation;

/**
 * Main status indications of EN 319 102-1 V1.4.1 §5.1.1: building blocks end PASSED, FAILED or
 * INDETERMINATE; whole validation processes end TOTAL_PASSED, TOTAL_FAILED or INDETERMINATE.
 */
public enum Indication {
    TOTAL_PASSED("total-passed"),
    TOTAL_FAILED("total-failed"),
    INDETERMINATE("indeterminate"),
    PASSED("passed"),
    FAILED("failed");

    private static final String URI_PREFIX = "urn:etsi:019102:mainindication:";
    private final String uriSuffix;

    Indication(String uriSuffix) {
        this.uriSuffix = uriSuffix;
    }

    /** The TS 119 102-2 URI, e.g. {@code urn:etsi:019102:mainindication:total-passed}. */
    public String uri() {
        return URI_PREFIX + uriSuffix;
    }

    /** Whether this indication ends a building block (as opposed to a whole process). */
    public boolean isBuildingBlockIndication() {
        return this == PASSED || this == FAILED || this == INDETERMINATE;
    }

    /** The process-level form: PASSED becomes TOTAL_PASSED, FAILED becomes TOTAL_FAILED. */
    public Indication asProcessIndication() {
        return switch (this) {
            case PASSED -> TOTAL_PASSED;
            case FAILED -> TOTAL_FAILED;
            default -> this;
        };
    }

    /** Whether this is a positive outcome (PASSED or TOTAL_PASSED). */
    public boolean isPassed() {
        return this == PASSED || this == TOTAL_PASSED;
    }

    /** Whether this is a definitive failure (FAILED or TOTAL_FAILED). */
    public boolean isFailed() {
        return this == FAILED || this == TOTAL_FAILED;
    }

    /** The indication with this TS 119 102-2 URI. */
    public static Indication fromUri(String uri) {
        for (Indication i : values()) {
            if (i.uri().equals(uri)) {
                return i;
            }
        }
        throw new ValidationException("unknown main indication URI " + uri);
    }
}
