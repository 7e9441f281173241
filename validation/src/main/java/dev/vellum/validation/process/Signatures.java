package dev.vellum.validation.process;

import dev.vellum.formats.CadesSignature;
import dev.vellum.validation.poe.PoeSet;
import dev.vellum.validation.x509.Fingerprints;

/** Identities of a signature in POE bookkeeping. */
public final class Signatures {

    private Signatures() {
    }

    /** The POE object id of a signature's value. */
    public static String poeKey(CadesSignature signature) {
        return PoeSet.SIGNATURE + Fingerprints.sha256Hex(signature.signatureValue());
    }
}
