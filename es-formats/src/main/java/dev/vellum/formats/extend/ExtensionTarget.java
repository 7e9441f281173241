package dev.vellum.formats.extend;

/** The level an extension brings a signature to (EN 319 122-1 §6). */
public enum ExtensionTarget {
    /** signature-time-stamp added (B-T / CAdES-T). */
    T,
    /** T plus certificates and revocation data in SignedData.certificates/crls (B-LT). */
    LT,
    /** LT plus one new archive-time-stamp-v3 with ats-hash-index-v3 (B-LTA); again on an LTA renews it. */
    LTA
}
