package dev.vellum.validation.process;

import dev.vellum.validation.x509.DisplayNames;
import dev.vellum.validation.Indication;
import dev.vellum.validation.SubIndication;
import dev.vellum.validation.crypto.AlgorithmNames;
import dev.vellum.validation.crypto.AlgorithmUse;
import dev.vellum.validation.crypto.Suitability;
import dev.vellum.validation.data.ValidationMaterial;
import dev.vellum.validation.report.CertificateReport;
import dev.vellum.validation.revocation.RevocationData;
import dev.vellum.validation.revocation.RevocationStatus;
import dev.vellum.validation.trust.TrustAnchors;
import dev.vellum.validation.x509.CertificateModel;
import dev.vellum.validation.x509.CertificatePath;
import dev.vellum.validation.x509.CertificateRole;
import dev.vellum.validation.x509.Fingerprints;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/**
 * EN 319 102-1 §5.2.6 X.509 certificate validation: builds the chain at the validation time,
 * applies RFC 5280 (JDK PKIX for the structural part), the role's key usage, the validity periods
 * per certificate model, revocation (§5.2.5 freshness) and the crypto constraints on certificate
 * signatures. Stateless; safe to share.
 */
public final class X509CertificateValidation {

    static final String CLAUSE = "EN 319 102-1 §5.2.6";
    private final ValidationServices services;

    public X509CertificateValidation(ValidationServices services) {
        this.services = services;
    }

    /** Validates {@code target} in {@code role} at {@code time}; problems go to {@code problems}. */
    public ChainValidation validate(X509Certificate target, CertificateRole role, TrustAnchors anchors,
                                    ValidationMaterial material, Instant time, Consumer<String> problems) {
        List<X509Certificate> pool = new ArrayList<>(material.certificateList());
        Optional<CertificatePath> built = services.pathBuilder().build(target, anchors, pool, time, problems);
        if (built.isEmpty()) {
            CertificateReport only = certificateReport(target, role.name(), false, null, List.of(),
                    Indication.INDETERMINATE, SubIndication.NO_CERTIFICATE_CHAIN_FOUND,
                    List.of("no chain to a trusted anchor")).withRevocation(null, null);
            return new ChainValidation(Indication.INDETERMINATE, SubIndication.NO_CERTIFICATE_CHAIN_FOUND,
                    "no certificate chain from " + name(target) + " to a trust anchor", null, List.of(only),
                    Map.of(), null, List.of(), List.of(new ChainValidation.Issue(0, target,
                            SubIndication.NO_CERTIFICATE_CHAIN_FOUND, "no certificate chain to a trust anchor", null)));
        }
        CertificatePath path = built.get();
        pool.addAll(path.fetched());
        List<X509Certificate> certs = path.certificates();

        Verdict verdict = new Verdict();
        Map<String, List<RevocationData>> revocation = new LinkedHashMap<>();
        List<ChainValidation.CryptoIssue> crypto = new ArrayList<>();
        List<CertificateReport> reports = new ArrayList<>();

        List<ChainValidation.Issue> issues = new ArrayList<>();
        services.rfc5280().check(path).ifPresent(reason -> {
            verdict.fail(Indication.INDETERMINATE, SubIndication.CHAIN_CONSTRAINTS_FAILURE, reason);
            issues.add(new ChainValidation.Issue(0, target, SubIndication.CHAIN_CONSTRAINTS_FAILURE, reason, null));
        });
        for (int i = 0; i < certs.size(); i++) {
            X509Certificate cert = certs.get(i);
            boolean anchor = i == certs.size() - 1;
            String roleName = anchor ? "TRUST_ANCHOR" : i == 0 ? role.name() : "CA";
            List<String> messages = new ArrayList<>();
            Verdict own = new Verdict();
            if (anchor) {
                // The anchor is trusted as given: no validity, revocation or crypto check (RFC 5280 §6.1.1 d).
                reports.add(certificateReport(cert, roleName, true, null, List.of(), Indication.PASSED, null,
                        List.of("trust anchor")).withRevocation(null, null));
                continue;
            }
            X509Certificate issuer = path.issuerOf(i);
            // key usage per role
            Optional<String> roleProblem = i == 0 ? role.violation(cert) : CertificateRole.CA.violation(cert);
            final int index = i;
            roleProblem.ifPresent(p -> {
                own.fail(Indication.INDETERMINATE, SubIndication.CHAIN_CONSTRAINTS_FAILURE, p);
                issues.add(new ChainValidation.Issue(index, cert, SubIndication.CHAIN_CONSTRAINTS_FAILURE, p, null));
            });
            // validity period per model
            Instant at = i == 0 || services.certificateModel() == CertificateModel.SHELL ? time
                    : certs.get(i - 1).getNotBefore().toInstant();
            boolean outOfBounds = at.isBefore(cert.getNotBefore().toInstant()) || at.isAfter(cert.getNotAfter().toInstant());
            // revocation (skipped for responders with id-pkix-ocsp-nocheck, RFC 6960 §4.2.2.2.1)
            List<RevocationData> data = List.of();
            RevocationStatus status = null;
            Instant revokedAt = null;
            String reason = null;
            if (role == CertificateRole.OCSP_RESPONDER && i == 0 && CertificateRole.hasOcspNoCheck(cert)) {
                messages.add("id-pkix-ocsp-nocheck: revocation not checked");
            } else {
                data = services.revocationChecker().find(cert, issuer, material, pool, time, problems);
                List<RevocationData> fresh = data.stream().filter(d -> d.isFreshAt(time)).toList();
                Optional<RevocationData> revoked = fresh.stream()
                        .filter(d -> d.status() == RevocationStatus.REVOKED && !d.revocationTime().isAfter(time))
                        .min(Comparator.comparing(RevocationData::revocationTime));
                Optional<RevocationData> good = fresh.stream()
                        .filter(d -> d.status() == RevocationStatus.GOOD
                                || (d.status() == RevocationStatus.REVOKED && d.revocationTime().isAfter(time)))
                        .max(Comparator.comparing(RevocationData::issuanceTime));
                if (revoked.isPresent()) {
                    status = RevocationStatus.REVOKED;
                    revokedAt = revoked.get().revocationTime();
                    reason = revoked.get().reason();
                    revocation.put(Fingerprints.of(cert), List.of(revoked.get()));
                    SubIndication sub = i == 0 ? SubIndication.REVOKED_NO_POE : SubIndication.REVOKED_CA_NO_POE;
                    String msg = name(cert) + " was revoked at " + revokedAt + (reason == null ? "" : " (" + reason + ")");
                    own.fail(Indication.INDETERMINATE, sub, msg);
                    issues.add(new ChainValidation.Issue(i, cert, sub, msg, revokedAt));
                    verdict.revocationTime(revokedAt);
                } else if (good.isPresent()) {
                    status = RevocationStatus.GOOD;
                    revocation.put(Fingerprints.of(cert), List.of(good.get()));
                } else {
                    status = data.isEmpty() ? null : RevocationStatus.UNKNOWN;
                    if (!data.isEmpty()) {
                        revocation.put(Fingerprints.of(cert), data);
                    }
                    // No revocation data at all: the status cannot be determined (CERTIFICATE_CHAIN_GENERAL_FAILURE,
                    // as DSS 6.3 does); data that is only not fresh enough may be fresher later (TRY_LATER).
                    SubIndication sub = data.isEmpty() ? SubIndication.CERTIFICATE_CHAIN_GENERAL_FAILURE : SubIndication.TRY_LATER;
                    String msg = data.isEmpty() ? "no revocation data for " + name(cert)
                            : "no revocation data for " + name(cert) + " is fresh at " + time;
                    own.fail(Indication.INDETERMINATE, sub, msg);
                    issues.add(new ChainValidation.Issue(i, cert, sub, msg, null));
                }
            }
            if (outOfBounds) {
                // Known not revoked: a GOOD status issued while the certificate was valid, from a revocation
                // issuer that is trusted or still valid at the validation time (so its word can be checked).
                boolean knownNotRevoked = data.stream().anyMatch(d -> d.status() == RevocationStatus.GOOD
                        && !d.thisUpdate().isAfter(cert.getNotAfter().toInstant())
                        && !d.thisUpdate().isBefore(cert.getNotBefore().toInstant())
                        && d.signer() != null && (anchors.contains(d.signer()) || validAt(d.signer(), time)));
                SubIndication sub = status != RevocationStatus.REVOKED && knownNotRevoked
                        ? SubIndication.OUT_OF_BOUNDS_NOT_REVOKED : SubIndication.OUT_OF_BOUNDS_NO_POE;
                String msg = name(cert) + " is not valid at " + at + " (valid " + cert.getNotBefore().toInstant()
                        + " to " + cert.getNotAfter().toInstant() + ")";
                if (own.subIndication == SubIndication.TRY_LATER
                        || own.subIndication == SubIndication.CERTIFICATE_CHAIN_GENERAL_FAILURE) {
                    own.clear(); // an expired certificate need not be on a current CRL (RFC 5280 §3.3)
                    final int index2 = i;
                    issues.removeIf(x -> x.index() == index2 && (x.subIndication() == SubIndication.TRY_LATER
                            || x.subIndication() == SubIndication.CERTIFICATE_CHAIN_GENERAL_FAILURE));
                }
                own.fail(Indication.INDETERMINATE, sub, msg);
                issues.add(new ChainValidation.Issue(i, cert, sub, msg, at.isBefore(cert.getNotBefore().toInstant())
                        ? cert.getNotBefore().toInstant() : cert.getNotAfter().toInstant()));
            }
            // crypto constraints on the certificate's own signature (EN 319 102-1 §5.2.8 via §5.2.6)
            Suitability s = services.cryptoPolicy().evaluate(certificateSignatureUse(cert, issuer));
            if (!s.isSuitableAt(time)) {
                crypto.add(new ChainValidation.CryptoIssue(cert, s));
                SubIndication sub = SubIndication.CRYPTO_CONSTRAINTS_FAILURE_NO_POE;
                String msg = "signature of " + name(cert) + ": " + s.reason();
                own.fail(Indication.INDETERMINATE, sub, msg);
                issues.add(new ChainValidation.Issue(i, cert, sub, msg, s.suitableBefore().orElse(null)));
            }
            messages.addAll(own.messages);
            reports.add(certificateReport(cert, roleName, false, status == null ? null : status, data, 
                    own.indication == null ? Indication.PASSED : own.indication, own.subIndication, messages)
                    .withRevocation(revokedAt, reason));
            verdict.absorb(own);
        }
        if (verdict.indication == null) {
            return new ChainValidation(Indication.PASSED, null, "", path, reports, revocation, null, crypto, List.of());
        }
        return new ChainValidation(verdict.indication, verdict.subIndication, String.join("; ", verdict.messages),
                path, reports, revocation, verdict.revocationTime, crypto, issues);
    }

    /** The digest, key family and issuer key size of a certificate's signature. */
    static AlgorithmUse certificateSignatureUse(X509Certificate cert, X509Certificate issuer) {
        try {
            byte[] params = cert.getSigAlgParams();
            AlgorithmIdentifier alg = new AlgorithmIdentifier(new org.bouncycastle.asn1.ASN1ObjectIdentifier(cert.getSigAlgOID()),
                    params == null ? null : org.bouncycastle.asn1.ASN1Primitive.fromByteArray(params));
            return AlgorithmNames.signatureUse(alg, issuer.getPublicKey(), null);
        } catch (Exception e) {
            return new AlgorithmUse(cert.getSigAlgOID(), cert.getSigAlgName(), 0);
        }
    }

    static CertificateReportBuilder certificateReport(X509Certificate c, String role, boolean anchor,
                                                      RevocationStatus status, List<RevocationData> data,
                                                      Indication indication, SubIndication sub, List<String> messages) {
        return new CertificateReportBuilder(c, role, anchor, status, data, indication, sub, messages);
    }

    private static boolean validAt(X509Certificate c, Instant t) {
        return !t.isBefore(c.getNotBefore().toInstant()) && !t.isAfter(c.getNotAfter().toInstant());
    }

    static String name(X509Certificate c) {
        return DisplayNames.subject(c);
    }

    /** Small helper so a report can be made with or without revocation details. */
    static final class CertificateReportBuilder {
        private final X509Certificate c;
        private final String role;
        private final boolean anchor;
        private final RevocationStatus status;
        private final List<RevocationData> data;
        private final Indication indication;
        private final SubIndication sub;
        private final List<String> messages;

        CertificateReportBuilder(X509Certificate c, String role, boolean anchor, RevocationStatus status,
                                 List<RevocationData> data, Indication indication, SubIndication sub, List<String> messages) {
            this.c = c;
            this.role = role;
            this.anchor = anchor;
            this.status = status;
            this.data = data;
            this.indication = indication;
            this.sub = sub;
            this.messages = messages;
        }

        CertificateReport withRevocation(Instant time, String reason) {
            return new CertificateReport(Fingerprints.of(c), c.getSubjectX500Principal().getName(),
                    c.getIssuerX500Principal().getName(), c.getSerialNumber().toString(16),
                    c.getNotBefore().toInstant(), c.getNotAfter().toInstant(), role, anchor,
                    c.getPublicKey().getAlgorithm() + " " + AlgorithmNames.keySize(c.getPublicKey()),
                    c.getSigAlgName(), status, time, reason, data.stream().map(RevocationData::id).distinct().toList(),
                    indication, sub, messages);
        }
    }

    /** The first failure wins, as in the standard's step order; later ones only add messages. */
    private static final class Verdict {
        Indication indication;
        SubIndication subIndication;
        Instant revocationTime;
        final List<String> messages = new ArrayList<>();

        void fail(Indication i, SubIndication s, String message) {
            if (indication == null) {
                indication = i;
                subIndication = s;
            }
            messages.add(message);
        }

        void clear() {
            indication = null;
            subIndication = null;
            messages.clear();
        }

        void revocationTime(Instant t) {
            if (revocationTime == null) {
                revocationTime = t;
            }
        }

        void absorb(Verdict other) {
            if (other.indication != null) {
                fail(other.indication, other.subIndication, String.join("; ", other.messages));
            }
        }
    }
}
