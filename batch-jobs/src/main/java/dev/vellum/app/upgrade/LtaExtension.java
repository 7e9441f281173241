package dev.vellum.app.upgrade;

import java.util.Optional;

import dev.vellum.formats.SignedContent;
import dev.vellum.formats.SignedDocument;
import dev.vellum.formats.SignedDocumentReader;
import dev.vellum.formats.extend.CadesExtender;
import dev.vellum.formats.extend.ExtendedDocument;
import dev.vellum.formats.extend.ExtensionTarget;

/**
 * Thin adapter over es-formats' {@link CadesExtender}: extends every signature of an archived item
 * to CAdES B-LTA (signature time-stamp, validation data, archive-time-stamp-v3), adding unsigned
 * data only. An S/MIME message comes back as a message whose signed part is byte-identical.
 */
public final class LtaExtension {
    private final CadesExtender extender;

    public LtaExtension(CadesExtender extender) {
        this.extender = extender;
    }

    /** The extended item and the level es-formats reads in it afterwards. */
    public record Result(byte[] bytes, String level) {
    }

    public Result extend(byte[] current, Optional<byte[]> detachedContent) {
        SignedDocumentReader reader = new SignedDocumentReader();
        SignedDocument document = detachedContent.isPresent()
                ? reader.readDetached(current, SignedContent.of(detachedContent.get()))
                : reader.read(current);
        ExtendedDocument extended = extender.extend(document, ExtensionTarget.LTA);
        byte[] output = extended.output();
        SignedDocument after = detachedContent.isPresent()
                ? reader.readDetached(output, SignedContent.of(detachedContent.get()))
                : reader.read(output);
        String level = after.signatures().isEmpty() ? null : after.signatures().get(0).level().baseline().label();
        return new Result(output, level);
    }
}
