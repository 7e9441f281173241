package dev.vellum.formats.level;

import dev.vellum.formats.CadesSignature;
import dev.vellum.formats.attribute.SignedAttributes;
import dev.vellum.formats.attribute.UnsignedAttributes;
import dev.vellum.formats.cms.CadesOids;
import dev.vellum.formats.timestamp.EmbeddedTimestamp;
import dev.vellum.formats.timestamp.TimestampKind;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Names a signature's level from its format alone (STANDARDS.md §1.3 baseline, §1.4 legacy). */
public final class LevelDetector {
    private LevelDetector() {
    }

    public static SignatureLevel detect(CadesSignature sig) {
        List<String> notes = new ArrayList<>();
        SignedAttributes s = sig.signedAttributes();
        UnsignedAttributes u = sig.unsignedAttributes();
        boolean policy = s.has(CadesOids.SIGNATURE_POLICY);
        BaselineLevel baseline = baseline(sig, s, u, notes);
        return new SignatureLevel(baseline, legacy(sig, s, u, policy), policy, notes);
    }

    // EN 319 122-1 §6.3 Table 1 and requirements a–t
    private static BaselineLevel baseline(CadesSignature sig, SignedAttributes s, UnsignedAttributes u, List<String> notes) {
        boolean ok = true;
        if (sig.isCounterSignature()) {
            // countersignatures carry no content-type (EN 319 122-1 §5.1.1); the rest applies
        } else if (s.count(CadesOids.CONTENT_TYPE) != 1) {
            ok = note(notes, "B-B needs exactly one content-type attribute");
        } else if (!CadesOids.DATA.getId().equals(s.contentType().orElse(""))) {
            ok = note(notes, "B-B needs content-type id-data (req f), found " + s.contentType().orElse("?"));
        }
        if (s.count(CadesOids.MESSAGE_DIGEST) != 1) {
            ok = note(notes, "B-B needs exactly one message-digest attribute");
        }
        if (s.count(CadesOids.SIGNING_TIME) != 1) {
            ok = note(notes, "B-B needs exactly one signing-time attribute");
        }
        int certRefs = s.count(CadesOids.SIGNING_CERTIFICATE) + s.count(CadesOids.SIGNING_CERTIFICATE_V2);
        if (certRefs != 1) {
            ok = note(notes, "B-B needs exactly one signing-certificate or signing-certificate-v2 attribute, found " + certRefs);
        }
        if (!sig.isCounterSignature() && !signerCertificateInSignedData(sig)) {
            ok = note(notes, "B-B needs the signing certificate in SignedData.certificates (req a)");
        }
        if (s.signaturePolicy().map(p -> p.implied()).orElse(false)) {
            ok = note(notes, "signaturePolicyImplied shall not be used in baseline signatures");
        }
        if (!u.signaturePolicyStore().isEmpty() && s.signaturePolicy().map(p -> p.zeroHash()).orElse(true)) {
            ok = note(notes, "signature-policy-store without a real policy hash (req k)");
        }
        if (!ok) {
            return BaselineLevel.NONE;
        }
        if (sig.timestamps(TimestampKind.SIGNATURE).isEmpty()) {
            note(notes, "B-T needs a signature-time-stamp");
            return BaselineLevel.B_B;
        }
        for (var forbidden : List.of(CadesOids.CERTIFICATE_VALUES, CadesOids.REVOCATION_VALUES,
                CadesOids.COMPLETE_CERTIFICATE_REFS, CadesOids.COMPLETE_REVOCATION_REFS,
                CadesOids.ATTRIBUTE_CERTIFICATE_REFS, CadesOids.ATTRIBUTE_REVOCATION_REFS,
                CadesOids.ESC_TIMESTAMP, CadesOids.CERT_CRL_TIMESTAMP)) {
            if (u.has(forbidden)) {
                note(notes, "B-LT forbids " + CadesOids.name(forbidden).orElse(forbidden.getId()));
                return BaselineLevel.B_T;
            }
        }
        boolean revocation = sig.document().signedDataMaterial().hasRevocationData()
                || sig.timestamps().stream().filter(t -> t.kind().isArchive()).anyMatch(t -> t.tokenData().hasRevocationData());
        if (!revocation) {
            note(notes, "B-LT needs revocation data in SignedData.crls (CRL or OCSP)");
            return BaselineLevel.B_T;
        }
        if (sig.timestamps(TimestampKind.ARCHIVE_V3).isEmpty()) {
            note(notes, "B-LTA needs an archive-time-stamp-v3");
            return BaselineLevel.B_LT;
        }
        return BaselineLevel.B_LTA;
    }

    private static boolean signerCertificateInSignedData(CadesSignature sig) {
        Optional<X509Certificate> cert = sig.signingCertificate();
        return cert.isPresent() && sig.document().signedDataMaterial().certificates().contains(cert.get());
    }

    // RFC 5126 §4.3–4.4: each form adds to the previous; "E-A can be built on E-T directly" (DSS)
    private static Optional<LegacyForm> legacy(CadesSignature sig, SignedAttributes s, UnsignedAttributes u, boolean policy) {
        boolean certRef = s.has(CadesOids.SIGNING_CERTIFICATE) || s.has(CadesOids.SIGNING_CERTIFICATE_V2)
                || s.has(CadesOids.OTHER_SIGNING_CERTIFICATE);
        if ((!sig.isCounterSignature() && !s.has(CadesOids.CONTENT_TYPE)) || !s.has(CadesOids.MESSAGE_DIGEST) || !certRef) {
            return Optional.empty();
        }
        LegacyForm form = policy ? LegacyForm.EPES : LegacyForm.BES;
        List<EmbeddedTimestamp> ts = sig.timestamps();
        if (ts.stream().noneMatch(t -> t.kind() == TimestampKind.SIGNATURE)) {
            return Optional.of(form);
        }
        form = LegacyForm.T;
        boolean c = u.has(CadesOids.COMPLETE_CERTIFICATE_REFS) && u.has(CadesOids.COMPLETE_REVOCATION_REFS);
        if (c) {
            form = LegacyForm.C;
            boolean x1 = u.has(CadesOids.ESC_TIMESTAMP);
            boolean x2 = u.has(CadesOids.CERT_CRL_TIMESTAMP);
            if (x1) {
                form = LegacyForm.X_TYPE1;
            } else if (x2) {
                form = LegacyForm.X_TYPE2;
            }
            if (u.has(CadesOids.CERTIFICATE_VALUES) && u.has(CadesOids.REVOCATION_VALUES)) {
                form = x1 ? LegacyForm.X_L_TYPE1 : x2 ? LegacyForm.X_L_TYPE2 : LegacyForm.X_L;
            }
        }
        if (ts.stream().anyMatch(t -> t.kind().isArchive())) {
            form = LegacyForm.A;
        }
        return Optional.of(form);
    }

    private static boolean note(List<String> notes, String note) {
        notes.add(note);
        return false;
    }
}
