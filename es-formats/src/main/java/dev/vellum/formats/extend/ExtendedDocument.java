package dev.vellum.formats.extend;

import java.util.List;
import java.util.Optional;

/**
 * The result of an extension: the new CMS and, for S/MIME input, the new message whose signed part
 * (and every byte but the CMS part's body) is the original's.
 *
 * @param actions what was added, one line each (for logs and reports)
 */
public record ExtendedDocument(byte[] cms, Optional<byte[]> message, List<String> actions) {
    public ExtendedDocument {
        cms = cms.clone();
        message = message.map(byte[]::clone);
        actions = List.copyOf(actions);
    }

    @Override
    public byte[] cms() {
        return cms.clone();
    }

    /** What to store: the new message for S/MIME input, else the CMS. */
    public byte[] output() {
        return message.map(byte[]::clone).orElseGet(this::cms);
    }
}
