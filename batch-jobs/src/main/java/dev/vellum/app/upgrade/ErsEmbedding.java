package dev.vellum.app.upgrade;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import dev.vellum.formats.CadesSignature;
import dev.vellum.formats.SignedContent;
import dev.vellum.formats.SignedDocument;
import dev.vellum.formats.SignedDocumentReader;
import dev.vellum.formats.extend.CadesExtender;
import dev.vellum.timestamping.DigestAlgorithm;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;

/**
 * What an evidence record embedded in an item's first signature must cover (ETSI TS 119 122-3,
 * STANDARDS.md §1.2 G): the CMS as it is before the record is added, DER re-encoded as TS 119 122-3
 * hashes it (a DER original is its own re-encoding; a BER one, as mail clients stream it, is not), and
 * for a detached signature also the detached content, as one data group. One record in the first signature covers the whole
 * SignedData, so every signer of the item.
 *
 * @param document the parsed original, into which the record is embedded once the batch is sealed
 * @param digests  the SHA-256 of each data object of the record's group
 */
public record ErsEmbedding(SignedDocument document, List<byte[]> digests) {
    public ErsEmbedding {
        digests = List.copyOf(digests);
    }

    /** An embedding plan, or why this item's signature cannot carry a record (the archive-level record is made anyway). */
    public record Plan(Optional<ErsEmbedding> embedding, String refusal) {
        static Plan refused(String why) {
            return new Plan(Optional.empty(), why);
        }
    }

    /** Plans the embedding into {@code original} (with its detached content, if any). */
    public static Plan plan(byte[] original, Optional<byte[]> detachedContent) {
        SignedDocument document;
        try {
            SignedDocumentReader reader = new SignedDocumentReader();
            document = detachedContent.isPresent()
                    ? reader.readDetached(original, SignedContent.of(detachedContent.get())) : reader.read(original);
        } catch (RuntimeException e) {
            return Plan.refused("not a readable CMS signature: " + e.getMessage());
        }
        if (document.signatures().isEmpty()) {
            return Plan.refused("no signature to embed a record in");
        }
        if (document.streamed()) {
            return Plan.refused("large streamed file: the record stays beside it");
        }
        for (CadesSignature s : document.signatures()) {
            if (!s.cryptographicallyIntact()) {
                return Plan.refused("signature " + s.id() + " does not verify; a record is not embedded in a broken signature");
            }
        }
        byte[] cms;
        try {
            cms = der(CadesExtender.evidenceRecordInput(document));
        } catch (IOException | CMSException e) {
            return Plan.refused("the CMS cannot be DER re-encoded: " + e.getMessage());
        }
        if (!document.detached()) {
            return new Plan(Optional.of(new ErsEmbedding(document, List.of(DigestAlgorithm.SHA256.digest(cms)))), null);
        }
        byte[] content = document.content().map(c -> c.readAllBytes()).orElse(null);
        if (content == null) {
            return Plan.refused("detached signature without its content");
        }
        // TS 119 122-3 external-evidence-records: one group {H(CMS), H(detached content)}
        return new Plan(Optional.of(new ErsEmbedding(document, List.of(DigestAlgorithm.SHA256.digest(cms),
                DigestAlgorithm.SHA256.digest(content)))), null);
    }

    /**
     * TS 119 122-3: the ContentInfo's DER encoding, rebuilt the way the validation library rebuilds it
     * (BouncyCastle {@code replaceSigners}, then DER) so that both agree on a BER original too.
     */
    private static byte[] der(byte[] cms) throws IOException, CMSException {
        CMSSignedData data = new CMSSignedData(cms);
        return CMSSignedData.replaceSigners(data, data.getSignerInfos()).getEncoded(ASN1Encoding.DER);
    }
}
