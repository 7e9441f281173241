package dev.vellum.validation.process;

import dev.vellum.validation.SubIndication;
import dev.vellum.validation.cms.CmsSignature;
import java.util.List;

/** EN 319 102-1 §5.2.2 format checking, on what remains after the CMS decoded. */
public final class FormatChecking {

    private FormatChecking() {
    }

    /** RFC 5652 §5.3: signed attributes, when present, include content-type and message-digest. */
    public static Conclusion formatChecking(CmsSignature signature) {
        if (signature.hasSignedAttributes()) {
            List<String> oids = signature.signedAttributeOids();
            if (!oids.contains("1.2.840.113549.1.9.3") || !oids.contains("1.2.840.113549.1.9.4")) {
                return Conclusion.failed(SubIndication.FORMAT_FAILURE,
                        "signed attributes lack content-type or message-digest (RFC 5652 §5.3)");
            }
        }
        if (signature.undecodableTimestamps() > 0) {
            return Conclusion.PASSED; // reported as a warning by the caller; the signature itself is readable
        }
        return Conclusion.PASSED;
    }
}
