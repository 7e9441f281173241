package dev.vellum.validation.container;

import java.util.Optional;

/**
 * A signed file unpacked down to its CMS: the container kind, the DER/BER of the SignedData
 * ContentInfo, and the detached signed content when the CMS does not carry it.
 *
 * @param container {@code smime-multipart-signed}, {@code smime-opaque}, {@code cms} (DER/BER),
 *     {@code cms-pem} or {@code cms-base64}
 * @param cms the ContentInfo bytes
 * @param detachedContent the signed bytes (canonical form for S/MIME) when not encapsulated
 */
public record SignedFile(String container, byte[] cms, Optional<byte[]> detachedContent) {

    public SignedFile {
        cms = cms.clone();
        detachedContent = detachedContent.map(byte[]::clone);
    }

    @Override
    public byte[] cms() {
        return cms.clone();
    }

    @Override
    public Optional<byte[]> detachedContent() {
        return detachedContent.map(byte[]::clone);
    }
}
