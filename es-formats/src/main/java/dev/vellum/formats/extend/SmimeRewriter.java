package dev.vellum.formats.extend;

import dev.vellum.formats.SmimeEnvelope;
import java.io.ByteArrayOutputStream;
import java.util.Base64;

/**
 * Puts a new CMS into an S/MIME message in place of the old one: only the bytes of the CMS part's
 * base64 body change. The offsets come from Jakarta Mail's parse (see SignedDocumentReader).
 */
final class SmimeRewriter {
    private SmimeRewriter() {
    }

    static byte[] replaceCms(SmimeEnvelope envelope, byte[] cms) {
        byte[] message = envelope.message();
        String sep = envelope.lineSeparator();
        String body = Base64.getMimeEncoder(76, sep.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).encodeToString(cms);
        int end = envelope.bodyEnd();
        // keep whatever line ends closed the old body (the opaque form's body runs to the end of the message)
        int keepFrom = end;
        while (keepFrom > envelope.bodyStart() && (message[keepFrom - 1] == '\n' || message[keepFrom - 1] == '\r')) {
            keepFrom--;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(message.length + cms.length);
        out.write(message, 0, envelope.bodyStart());
        out.writeBytes(body.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        out.write(message, keepFrom, message.length - keepFrom);
        return out.toByteArray();
    }
}
