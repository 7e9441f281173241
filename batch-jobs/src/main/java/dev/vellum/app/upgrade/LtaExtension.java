package dev.vellum.app.upgrade;

import java.time.Instant;
import java.util.Optional;

import dev.vellum.formats.CadesSignature;
import dev.vellum.formats.SignedContent;
import dev.vellum.formats.SignedDocument;
import dev.vellum.formats.SignedDocumentReader;
import dev.vellum.formats.create.CadesSigner;
import dev.vellum.formats.extend.CadesExtender;
import dev.vellum.formats.extend.ExtendedDocument;
import dev.vellum.formats.extend.ExtensionTarget;
import dev.vellum.formats.timestamp.EmbeddedTimestamp;
import dev.vellum.timestamping.DigestAlgorithm;

/**
 * Thin adapter over es-formats' {@link CadesExtender}: extends every signature of an archived item
 * to CAdES B-LTA (signature time-stamp, validation data, archive-time-stamp-v3), adding unsigned
 * data only, optionally after putting the archive seal on it. An S/MIME message comes back as a
 * message whose signed part is byte-identical.
 */
public final class LtaExtension {
    private final CadesExtender extender;

    public LtaExtension(CadesExtender extender) {
        this.extender = extender;
    }

    /**
     * The extended item, the level es-formats reads in it afterwards, and until when its newest archive
     * time-stamps protect it (the earliest over its signatures).
     */
    public record Result(byte[] bytes, String level, Instant protectsUntil) {
    }

    public Result extend(byte[] current, Optional<byte[]> detachedContent) {
        return extend(current, detachedContent, Optional.empty());
    }

    /** As above, sealing every signature with {@code seal} (an EPES countersignature) first, so the archive time-stamp covers the seal. */
    public Result extend(byte[] current, Optional<byte[]> detachedContent, Optional<CadesSigner> seal) {
        SignedDocument document = read(current, detachedContent);
        if (seal.isPresent()) {
            document = read(extender.seal(document, seal.get()).output(), detachedContent);
        }
        ExtendedDocument extended = extender.extend(document, ExtensionTarget.LTA);
        byte[] output = extended.output();
        SignedDocument after = read(output, detachedContent);
        String level = after.signatures().isEmpty() ? null : after.signatures().get(0).level().baseline().label();
        return new Result(output, level, protectsUntil(after));
    }

    private static SignedDocument read(byte[] bytes, Optional<byte[]> detachedContent) {
        SignedDocumentReader reader = new SignedDocumentReader();
        return detachedContent.isPresent() ? reader.readDetached(bytes, SignedContent.of(detachedContent.get()))
                : reader.read(bytes);
    }

    /** The earliest, over the top-level signatures, of when each one's newest archive time-stamp stops protecting it. */
    static Instant protectsUntil(SignedDocument document) {
        Instant earliest = null;
        for (CadesSignature s : document.signatures()) {
            EmbeddedTimestamp newest = null;
            for (EmbeddedTimestamp t : s.timestamps()) {
                if (t.kind().isArchive() && (newest == null || !t.genTime().isBefore(newest.genTime()))) {
                    newest = t;
                }
            }
            if (newest == null) {
                throw new UpgradeException("signature " + s.id() + " has no archive time-stamp after the LTA extension");
            }
            Instant until = Evidence.protectsUntil(newest.token(),
                    DigestAlgorithm.fromOid(newest.imprintAlgorithmOid()).jcaName());
            earliest = earliest == null || until.isBefore(earliest) ? until : earliest;
        }
        return earliest;
    }
}
