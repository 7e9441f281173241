package dev.vellum.app.revalidate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.vellum.app.store.ArchiveIndex;
import dev.vellum.app.store.BlobStore;
import dev.vellum.app.store.Item;
import dev.vellum.app.store.ItemVersion;
import dev.vellum.formats.CadesSignature;
import dev.vellum.formats.SignedContent;
import dev.vellum.formats.SignedDocument;
import dev.vellum.formats.SignedDocumentReader;
import dev.vellum.timestamping.ers.DataObject;
import dev.vellum.timestamping.ers.EvidenceRecord;
import dev.vellum.timestamping.ers.EvidenceRecordVerification;
import dev.vellum.timestamping.ers.EvidenceRecordVerifier;
import dev.vellum.validation.Indication;
import dev.vellum.validation.SignatureValidator;
import dev.vellum.validation.ValidationRequest;
import dev.vellum.validation.poe.ExternalPoe;
import dev.vellum.validation.report.SignatureReport;
import dev.vellum.validation.report.ValidationReport;

import tools.jackson.databind.json.JsonMapper;

/**
 * Validates one archived item with the validation library, from the archive alone: the original
 * bytes (and detached content), plus — when the item has an evidence record that verifies — the
 * record's proof of existence as an external POE (EN 319 102-1 §5.6.2.3), so past signature
 * validation can use it. Thin adapter: every verdict comes from {@link SignatureValidator}.
 */
public final class ItemValidation {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SignatureValidator offline;
    private final SignatureValidator first;
    private final BlobStore blobs;
    private final ArchiveIndex index;

    public ItemValidation(SignatureValidator offline, SignatureValidator first, BlobStore blobs, ArchiveIndex index) {
        this.offline = offline;
        this.first = first;
        this.blobs = blobs;
        this.index = index;
    }

    /** @param firstValidation true at ingest (fresh revocation data where configured), false to revalidate offline */
    public ItemVerdict validate(Item item, Instant at, boolean firstValidation) {
        byte[] original = blobs.read(item.original());
        byte[] content = item.detachedContent() == null ? null : blobs.read(item.detachedContent());
        // The newest extended form when there is one (its archive time-stamps or embedded evidence record
        // carry the proof), else the original.
        var extended = index.versions(item.id()).stream().filter(v -> v.kind().equals(ItemVersion.CADES)
                || v.kind().equals(ItemVersion.CADES_EMBEDDED_ER)).reduce((a, b) -> b);
        byte[] signed = extended.isPresent() ? blobs.read(extended.get().blob()) : original;
        boolean embeddedEr = extended.isPresent() && extended.get().kind().equals(ItemVersion.CADES_EMBEDDED_ER);
        ValidationRequest request = ValidationRequest.of("item-" + item.id(), signed).at(at);
        if (content != null) {
            request = request.withDetachedContent(content);
        }
        List<String> evidenceNotes = new ArrayList<>();
        ItemVersion newest = index.versions(item.id()).stream().reduce((a, b) -> b).orElseThrow();
        var record = index.latestVersion(item.id(), ItemVersion.EVIDENCE_RECORD);
        if (record.isPresent()) {
            EvidenceRecord er = EvidenceRecord.parse(blobs.read(record.get().blob()));
            List<DataObject> objects = new ArrayList<>();
            objects.add(new DataObject.Content(original));
            if (content != null) {
                objects.add(new DataObject.Content(content));
            }
            EvidenceRecordVerification verification = EvidenceRecordVerifier.defaults().verify(er, objects, at);
            if (verification.valid() && verification.proofOfExistence().isPresent()) {
                Instant poe = verification.proofOfExistence().get();
                String by = "archive evidence record (item " + item.id() + " version " + record.get().version() + ")";
                List<ExternalPoe> poes = new ArrayList<>();
                poes.add(ExternalPoe.of(original, poe, by));
                if (embeddedEr) {
                    // The archive-level record covers the original, hence its signature values (TS 119 102-2 POE
                    // "provided"); the version with the embedded record proves itself through that record.
                    signatureValues(original, content).forEach(value -> poes.add(ExternalPoe.of(value, poe, by)));
                } else if (signed != original) {
                    poes.add(ExternalPoe.of(signed, poe, by));
                }
                if (content != null) {
                    poes.add(ExternalPoe.of(content, poe, by));
                }
                request = request.withExternalPoes(poes);
            } else {
                evidenceNotes.add("evidence record version " + record.get().version() + " does not verify: "
                        + verification.message());
            }
        }
        ValidationReport report = (firstValidation ? first : offline).validate(request);
        Indication overall = report.overallIndication();
        SignatureReport worst = report.signatures().stream().filter(s -> s.indication() == overall).findFirst()
                .orElse(null);
        String subIndication = worst == null || worst.subIndication() == null ? (report.signatures().isEmpty()
                ? "FORMAT_FAILURE" : null) : worst.subIndication().name();
        String level = report.signatures().isEmpty() ? null : report.signatures().get(0).level();
        return new ItemVerdict(item, newest.version(), overall.name(), subIndication, level,
                json(report, evidenceNotes));
    }

    private static List<byte[]> signatureValues(byte[] original, byte[] content) {
        try {
            SignedDocumentReader reader = new SignedDocumentReader();
            SignedDocument document = content == null ? reader.read(original)
                    : reader.readDetached(original, SignedContent.of(content));
            return document.signatures().stream().map(CadesSignature::signatureValue).toList();
        } catch (RuntimeException e) {
            return List.of(); // an unreadable original has no signature to prove; the validation report says why
        }
    }

    /** Schema 2: the report in the reports module's versioned JSON (stable names, read back by the report job). */
    private static byte[] json(ValidationReport report, List<String> evidenceNotes) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("schemaVersion", 2);
        document.put("evidenceRecordProblems", evidenceNotes);
        document.put("report", dev.vellum.reports.json.ReportJson.toTree(report));
        return JSON.writeValueAsBytes(document);
    }
}
