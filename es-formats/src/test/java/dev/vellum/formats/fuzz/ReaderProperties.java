package dev.vellum.formats.fuzz;

import dev.vellum.formats.CadesSignature;
import dev.vellum.formats.SignatureFormatException;
import dev.vellum.formats.SignedDocument;

/** What every reader input must satisfy: a document whose every accessor works, or a SignatureFormatException. */
final class ReaderProperties {
    private ReaderProperties() {
    }

    static void exercise(SignedDocument doc) {
        exercise(doc, 0);
    }

    private static void exercise(SignedDocument doc, int depth) {
        doc.containerType();
        doc.wrappers();
        if (doc.hasSignatures()) {
            doc.signedDataMaterial();
            for (CadesSignature s : doc.allSignatures()) {
                s.signedAttributes().all();
                s.unsignedAttributes().all();
                s.signatureValueCheck();
                s.messageDigestCheck();
                s.timestamps();
                s.embeddedValidationData();
                s.level();
                s.signingCertificateReferenceCheck();
            }
        }
        for (SignedDocument nested : doc.nestedDocuments()) {
            exercise(nested, depth + 1);
        }
    }

    static void readOrFormatError(Runnable read) {
        try {
            read.run();
        } catch (SignatureFormatException expected) {
            if (expected.getMessage() == null || expected.getMessage().isBlank()) {
                throw new AssertionError("a format error must say why", expected);
            }
        }
    }
}
