package dev.vellum.validation.process;

import dev.vellum.validation.Indication;
import dev.vellum.validation.SubIndication;

/**
 * What a building block or process concluded: indication, sub-indication (null when passed) and
 * the reason in words.
 */
public record Conclusion(Indication indication, SubIndication subIndication, String message) {

    public static final Conclusion PASSED = new Conclusion(Indication.PASSED, null, "");

    public static Conclusion failed(SubIndication sub, String message) {
        return new Conclusion(Indication.FAILED, sub, message);
    }

    public static Conclusion indeterminate(SubIndication sub, String message) {
        return new Conclusion(Indication.INDETERMINATE, sub, message);
    }

    public boolean passed() {
        return indication.isPassed();
    }

    public boolean is(SubIndication sub) {
        return subIndication == sub;
    }

    /** The same conclusion in process vocabulary (TOTAL_PASSED / TOTAL_FAILED / INDETERMINATE). */
    public Conclusion asProcessResult() {
        return new Conclusion(indication.asProcessIndication(), subIndication, message);
    }
}
