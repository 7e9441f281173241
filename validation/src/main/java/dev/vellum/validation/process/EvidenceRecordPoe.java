package dev.vellum.validation.process;

import dev.vellum.formats.CadesSignature;
import dev.vellum.formats.attribute.EvidenceRecordAttribute;
import dev.vellum.timestamping.ers.DataObject;
import dev.vellum.timestamping.ers.EvidenceRecord;
import dev.vellum.timestamping.ers.EvidenceRecordVerification;
import dev.vellum.timestamping.ers.EvidenceRecordVerifier;
import dev.vellum.validation.data.Origin;
import dev.vellum.validation.report.SignatureReport;
import dev.vellum.validation.report.TimestampReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * POE from evidence records embedded in the signature (ETSI TS 119 122-3 internal- and
 * external-evidence-records, RFC 4998): the record covers the CMS as it was before the record and
 * every unsigned attribute after it were added (with the detached content as a second group member
 * for external records). Because encodings differ between producers (STANDARDS.md §8 item 6), the
 * DER re-encoding is tried with the emptied unsignedAttrs both absent and present. A verified record
 * whose newest time-stamp is valid proves the signature existed at its first time-stamp.
 */
final class EvidenceRecordPoe {

    private static final ASN1ObjectIdentifier INTERNAL = new ASN1ObjectIdentifier("1.2.840.113549.1.9.16.2.49");
    private static final ASN1ObjectIdentifier EXTERNAL = new ASN1ObjectIdentifier("1.2.840.113549.1.9.16.2.50");
    private static final EvidenceRecordVerifier VERIFIER = EvidenceRecordVerifier.defaults();

    private EvidenceRecordPoe() {
    }

    static void extract(CadesSignature signature, ValidationRun run, TimestampValidation timestamps,
                        SignatureReport.Builder report) {
        List<EvidenceRecordAttribute> records;
        try {
            records = signature.unsignedAttributes().evidenceRecords();
        } catch (RuntimeException e) {
            run.warn("evidence record attribute cannot be read: " + e.getMessage());
            return;
        }
        for (EvidenceRecordAttribute er : records) {
            try {
                EvidenceRecord record = EvidenceRecord.parse(er.encoded());
                EvidenceRecordVerification verification = null;
                for (byte[] covered : coveredCms(signature, er)) {
                    List<DataObject> item = new ArrayList<>(List.of(new DataObject.Content(covered)));
                    if (!er.internal() && signature.signedContent().isPresent()) {
                        item.add(new DataObject.Content(signature.signedContent().get().readAllBytes()));
                    }
                    verification = VERIFIER.verify(record, item, run.time());
                    if (verification.valid()) {
                        break;
                    }
                }
                if (verification == null || !verification.valid()) {
                    run.warn("embedded evidence record is not used: " + (verification == null ? "nothing to check"
                            : verification.message()));
                    continue;
                }
                List<TimeStampToken> tokens = verification.timeStamps();
                TimeStampToken newest = tokens.get(tokens.size() - 1);
                TimestampOutcome t = timestamps.timestampValidation(newest, "EVIDENCE_RECORD", true, "", run, Origin.SIGNATURE);
                TimestampReport r = t.report().withMessage("newest time-stamp of an embedded evidence record proving existence at "
                        + verification.proofOfExistence().map(Object::toString).orElse("?"));
                report.timestamp(r);
                if (t.passed() && verification.proofOfExistence().isPresent()) {
                    run.poes().add(Signatures.poeKey(signature), verification.proofOfExistence().get(), "validation",
                            "evidence record " + t.id());
                } else if (!t.passed()) {
                    run.warn("embedded evidence record is not used: its newest time-stamp: " + t.conclusion().message());
                }
            } catch (RuntimeException e) {
                run.warn("embedded evidence record cannot be checked: " + e.getMessage());
            }
        }
    }

    /** The CMS without this record and every unsigned attribute after it, in the encodings producers use. */
    private static List<byte[]> coveredCms(CadesSignature signature, EvidenceRecordAttribute er) throws RuntimeException {
        try {
            CMSSignedData data = new CMSSignedData(signature.document().cmsEncoded());
            List<SignerInformation> signers = new ArrayList<>();
            List<SignerInformation> emptied = new ArrayList<>();
            for (SignerInformation s : data.getSignerInfos().getSigners()) {
                if (!Arrays.equals(s.getSignature(), signature.signatureValue()) || s.getUnsignedAttributes() == null) {
                    signers.add(s);
                    emptied.add(s);
                    continue;
                }
                ASN1EncodableVector before = new ASN1EncodableVector();
                for (ASN1Encodable e : s.toASN1Structure().getUnauthenticatedAttributes()) {
                    Attribute a = Attribute.getInstance(e);
                    if ((a.getAttrType().equals(INTERNAL) || a.getAttrType().equals(EXTERNAL))
                            && a.getAttrValues().size() > 0 && Arrays.equals(
                            a.getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded("DER"), er.encoded())) {
                        break;
                    }
                    before.add(a);
                }
                signers.add(SignerInformation.replaceUnsignedAttributes(s, before.size() == 0 ? null : new AttributeTable(before)));
                emptied.add(SignerInformation.replaceUnsignedAttributes(s, new AttributeTable(before)));
            }
            byte[] absent = CMSSignedData.replaceSigners(data, new SignerInformationStore(signers)).getEncoded("DER");
            byte[] empty = CMSSignedData.replaceSigners(data, new SignerInformationStore(emptied)).getEncoded("DER");
            return Arrays.equals(absent, empty) ? List.of(absent) : List.of(absent, empty);
        } catch (Exception e) {
            throw new IllegalStateException("the CMS covered by the evidence record cannot be rebuilt: " + e.getMessage(), e);
        }
    }
}
