package dev.vellum.formats.level;

/** EN 319 122-1 §6 baseline levels; {@link #NONE} is a CMS signature that is not even B-B. */
public enum BaselineLevel {
    NONE("CMS"), B_B("CAdES-BASELINE-B"), B_T("CAdES-BASELINE-T"), B_LT("CAdES-BASELINE-LT"), B_LTA("CAdES-BASELINE-LTA");

    private final String label;

    BaselineLevel(String label) {
        this.label = label;
    }

    /** The name DSS and our reports use, e.g. "CAdES-BASELINE-LTA", or "CMS". */
    public String label() {
        return label;
    }

    public boolean atLeast(BaselineLevel other) {
        return compareTo(other) >= 0;
    }
}
