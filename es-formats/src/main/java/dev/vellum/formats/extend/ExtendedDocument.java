package dev.vellum.formats.extend;

import dev.vellum.formats.SignatureFormatException;
import dev.vellum.formats.cms.SignedDataParts;
import dev.vellum.formats.cms.StreamedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;

/**
 * The result of an extension: the new CMS and, for S/MIME input, the new message whose signed part
 * (and every byte but the CMS part's body) is the original's.
 *
 * @param actions what was added, one line each (for logs and reports)
 */
public record ExtendedDocument(byte[] cms, Optional<byte[]> message, List<String> actions,
                               Optional<SignedDataParts> streamedView) {
    public ExtendedDocument {
        cms = cms.clone();
        message = message.map(byte[]::clone);
        actions = List.copyOf(actions);
    }

    public ExtendedDocument(byte[] cms, Optional<byte[]> message, List<String> actions) {
        this(cms, message, actions, Optional.empty());
    }

    /** The new CMS (not for a streamed large file: use {@link #writeTo}). */
    @Override
    public byte[] cms() {
        requireInMemory();
        return cms.clone();
    }

    /** What to store: the new message for S/MIME input, else the CMS (not for a streamed large file). */
    public byte[] output() {
        requireInMemory();
        return message.map(byte[]::clone).orElseGet(this::cms);
    }

    /** Writes what to store; a streamed large file is written with its content copied from the source. */
    public void writeTo(OutputStream out) throws IOException {
        if (streamedView.isPresent()) {
            StreamedWriter.write(streamedView.get().streamed().orElseThrow(), streamedView.get(), out);
        } else {
            out.write(output());
        }
    }

    private void requireInMemory() {
        if (streamedView.isPresent()) {
            throw new SignatureFormatException("the extended signature of a large streamed file is written with writeTo");
        }
    }
}
