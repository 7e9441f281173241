package dev.vellum.validation.process;

import dev.vellum.formats.CadesSignature;
import dev.vellum.validation.SubIndication;

/** EN 319 102-1 §5.2.2 format checking, on what remains once es-formats has read the CMS. */
public final class FormatChecking {

    private FormatChecking() {
    }

    /** RFC 5652 §5.3: signed attributes, when present, include content-type and message-digest. */
    public static Conclusion formatChecking(CadesSignature signature) {
        if (signature.rawSignerInfo().signedAttributeSet() != null) {
            if (signature.signedAttributes().contentType().isEmpty() && !signature.isCounterSignature()) {
                return Conclusion.failed(SubIndication.FORMAT_FAILURE, "signed attributes lack content-type (RFC 5652 §5.3)");
            }
            if (signature.signedAttributes().messageDigest().isEmpty()) {
                return Conclusion.failed(SubIndication.FORMAT_FAILURE, "signed attributes lack message-digest (RFC 5652 §5.3)");
            }
        }
        return Conclusion.PASSED;
    }
}
