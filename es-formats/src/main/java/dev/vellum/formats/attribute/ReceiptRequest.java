package dev.vellum.formats.attribute;

/** The ESS receipt-request attribute (RFC 2634 §2.7): its signedContentIdentifier and whole DER value. */
public record ReceiptRequest(byte[] signedContentIdentifier, byte[] encoded) {
    public ReceiptRequest {
        signedContentIdentifier = signedContentIdentifier.clone();
        encoded = encoded.clone();
    }

    @Override
    public byte[] signedContentIdentifier() {
        return signedContentIdentifier.clone();
    }

    @Override
    public byte[] encoded() {
        return encoded.clone();
    }
}
