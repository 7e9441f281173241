package dev.vellum.app.store;

/** How an archived item carries its signature. */
public enum ItemFormat {
    /** An RFC 5322 message (S/MIME or unsigned), from a .eml file, an mbox or a Maildir. */
    MIME,
    /** A CMS SignedData with its content inside (.p7m). */
    CMS_ENVELOPING,
    /** A detached CMS SignedData (.p7s); the content, when found, is a blob of its own. */
    CMS_DETACHED
}
