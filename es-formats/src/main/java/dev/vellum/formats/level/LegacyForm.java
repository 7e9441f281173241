package dev.vellum.formats.level;

/** RFC 5126 / TS 101 733 forms (EN 319 122-2 "E-" extended names), STANDARDS.md §1.4. */
public enum LegacyForm {
    BES("CAdES-BES"), EPES("CAdES-EPES"), T("CAdES-T"), C("CAdES-C"), X_TYPE1("CAdES-X Type 1"),
    X_TYPE2("CAdES-X Type 2"), X_L("CAdES-X-L"), X_L_TYPE1("CAdES-X-L Type 1"), X_L_TYPE2("CAdES-X-L Type 2"),
    A("CAdES-A");

    private final String label;

    LegacyForm(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
