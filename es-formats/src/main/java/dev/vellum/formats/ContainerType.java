package dev.vellum.formats;

/** How a signature was packaged. */
public enum ContainerType {
    /** DER/BER SignedData with the content inside (.p7m). */
    CMS_ENVELOPING,
    /** DER/BER SignedData without content (.p7s); the content comes separately. */
    CMS_DETACHED,
    /** S/MIME multipart/signed (RFC 8551 §3.5.3): the first part is signed, the second is the .p7s. */
    SMIME_MULTIPART_SIGNED,
    /** S/MIME application/pkcs7-mime; smime-type=signed-data (opaque signing). */
    SMIME_OPAQUE,
    /** A MIME message that is not itself signed but carries signed messages (see nested documents). */
    MIME_UNSIGNED
}
