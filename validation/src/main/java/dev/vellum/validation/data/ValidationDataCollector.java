package dev.vellum.validation.data;

import dev.vellum.validation.x509.DisplayNames;
import dev.vellum.formats.ValidationData;
import dev.vellum.formats.ValidationDataSource;
import dev.vellum.validation.ValidationException;
import dev.vellum.validation.process.ValidationServices;
import dev.vellum.validation.report.ValidationObject;
import dev.vellum.validation.report.ValidationReport;
import dev.vellum.validation.revocation.RevocationData;
import dev.vellum.validation.revocation.RevocationStatus;
import dev.vellum.validation.trust.TrustAnchors;
import dev.vellum.validation.x509.CertificatePath;
import dev.vellum.validation.x509.CertificateRole;
import dev.vellum.validation.x509.Fingerprints;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The validation module's {@link ValidationDataSource} for es-formats' LT/LTA extension: for each
 * target, the chain to a trust anchor and revocation data for every non-anchor certificate, and the
 * same for the certificates that signed that revocation data (delegated OCSP responders without
 * id-pkix-ocsp-nocheck). Certificates a request names as already protected by an archive time-stamp
 * get the same where it can be had, and are never a reason to fail. Uses the services' fetcher
 * (allow-list, cache) and material at hand, so in offline mode it embeds only what it was given.
 * Thread-safe.
 */
public final class ValidationDataCollector implements ValidationDataSource {

    private final ValidationServices services;
    private final ValidationMaterial material;

    public ValidationDataCollector(ValidationServices services, ValidationMaterial material) {
        this.services = Objects.requireNonNull(services, "services");
        this.material = Objects.requireNonNull(material, "material");
    }

    /** The validation objects a report says were used, as es-formats' validation data. */
    public static ValidationData usedBy(ValidationReport report) {
        List<X509Certificate> certs = new ArrayList<>();
        List<byte[]> crls = new ArrayList<>();
        List<byte[]> ocsp = new ArrayList<>();
        for (ValidationObject o : report.objects()) {
            switch (o.type()) {
                case CERTIFICATE -> certs.addAll(TrustAnchors.parseCertificates(o.encoded(), "certificate " + o.id()));
                case CRL -> crls.add(o.encoded());
                case OCSP_RESPONSE -> ocsp.add(o.encoded());
                default -> { }
            }
        }
        return ValidationMaterial.of(Origin.SUPPLIED, certs, crls, ocsp).toValidationData();
    }

    @Override
    public ValidationData validationData(Request request) {
        ValidationMaterial at = material.with(ValidationMaterial.of(Origin.SIGNATURE, request.available(), List.of(), List.of()));
        Collection collection = new Collection(at, request.at());
        collection.collect(request.targets(), true);
        collection.collect(request.alreadyProtected(), false);
        List<byte[]> crls = new ArrayList<>();
        List<byte[]> ocsp = new ArrayList<>();
        for (RevocationData d : collection.revocation.values()) {
            (d.kind() == RevocationData.Kind.CRL ? crls : ocsp).add(d.encoded());
        }
        return ValidationMaterial.of(Origin.SUPPLIED, new ArrayList<>(collection.certificates.values()), crls, ocsp)
                .toValidationData();
    }

    /** What one request gathers; each certificate is looked at once, required ones first. */
    private final class Collection {
        private final ValidationMaterial at;
        private final Instant time;
        private final TrustAnchors anchors = services.trust().signing().union(services.trust().timestamping());
        private final Map<String, X509Certificate> certificates = new LinkedHashMap<>();
        private final Map<String, RevocationData> revocation = new LinkedHashMap<>();
        private final Set<String> done = new HashSet<>();

        Collection(ValidationMaterial at, Instant time) {
            this.at = at;
            this.time = time;
        }

        /**
         * Required: a chain to an anchor and fresh revocation data for each non-anchor certificate, or a
         * ValidationException naming it. Not required (already protected by an archive time-stamp): the
         * chain when one can be built, and fresh revocation data only for certificates still valid at the
         * time; revocation data issued after a certificate expired proves nothing about it.
         */
        void collect(List<X509Certificate> targets, boolean required) {
            Deque<X509Certificate> todo = new ArrayDeque<>(targets);
            List<String> problems = new ArrayList<>();
            while (!todo.isEmpty()) {
                X509Certificate target = todo.pop();
                if (!done.add(Fingerprints.of(target))) {
                    continue;
                }
                List<X509Certificate> pool = new ArrayList<>(at.certificateList());
                pool.addAll(certificates.values());
                Optional<CertificatePath> path = services.pathBuilder().build(target, anchors, pool, time, problems::add);
                if (path.isEmpty()) {
                    if (!required) {
                        continue;
                    }
                    throw new ValidationException("no certificate chain from " + DisplayNames.subject(target)
                            + " to a trust anchor" + (problems.isEmpty() ? "" : ": " + String.join("; ", problems)));
                }
                List<X509Certificate> chain = path.get().certificates();
                for (int i = 0; i < chain.size(); i++) {
                    X509Certificate c = chain.get(i);
                    certificates.putIfAbsent(Fingerprints.of(c), c);
                    boolean anchor = i == chain.size() - 1;
                    if (anchor || (CertificateRole.OCSP_RESPONDER.violation(c).isEmpty() && CertificateRole.hasOcspNoCheck(c))) {
                        continue;
                    }
                    if (!required && !validAt(c, time)) {
                        continue;
                    }
                    List<RevocationData> data = services.revocationChecker().find(c, chain.get(i + 1), at, pool,
                            time, problems::add);
                    Optional<RevocationData> best = data.stream().filter(d -> d.isFreshAt(time))
                            .filter(d -> d.status() != RevocationStatus.UNKNOWN)
                            .max(Comparator.comparing(RevocationData::issuanceTime));
                    if (best.isEmpty()) {
                        if (!required) {
                            continue;
                        }
                        throw new ValidationException("no fresh revocation data for " + DisplayNames.subject(c)
                                + (problems.isEmpty() ? "" : ": " + String.join("; ", problems)));
                    }
                    revocation.putIfAbsent(best.get().id(), best.get());
                    X509Certificate signer = best.get().signer();
                    if (signer != null && !signer.equals(chain.get(i + 1))) {
                        todo.push(signer);
                    }
                }
            }
        }
    }

    private static boolean validAt(X509Certificate c, Instant time) {
        return !time.isBefore(c.getNotBefore().toInstant()) && !time.isAfter(c.getNotAfter().toInstant());
    }
}
