package dev.vellum.validation.revocation;

import dev.vellum.validation.x509.DisplayNames;
import dev.vellum.validation.data.Origin;
import dev.vellum.validation.data.ValidationMaterial;
import dev.vellum.validation.fetch.FetchException;
import dev.vellum.validation.fetch.Fetcher;
import dev.vellum.validation.x509.CertificateRole;
import dev.vellum.validation.x509.CertificateUrls;
import dev.vellum.validation.x509.SignatureCheckCache;
import java.io.IOException;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.OCSPResponse;
import org.bouncycastle.asn1.ocsp.OCSPResponseStatus;
import org.bouncycastle.asn1.ocsp.ResponseBytes;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Finds the revocation status of one certificate: from the CRLs and OCSP responses at hand first,
 * and, when none is fresh at the asked time, online through the {@link Fetcher} (OCSP from the AIA,
 * then the CRL distribution points). Every CRL and response is checked (issuer, signature,
 * delegated responder authorisation) before its word counts. Thread-safe; the caches are shared.
 */
public final class RevocationChecker {

    private static final int MAX_CACHED = 10_000;
    private final Fetcher fetcher;
    private final SignatureCheckCache signatures;
    private final CrlCache crls;
    /** Parsed OCSP responses by SHA-256 of their DER: {BasicOCSPResp, full OCSPResponse DER} or none. */
    private final java.util.concurrent.ConcurrentHashMap<String, Optional<Object[]>> parsedOcsp =
            new java.util.concurrent.ConcurrentHashMap<>();
    /** The certificate (by fingerprint) whose key verified a response, keyed by response hash + issuer. */
    private final java.util.concurrent.ConcurrentHashMap<String, Optional<X509Certificate>> verifiedResponders =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static final java.security.Provider BC = dev.vellum.timestamping.BouncyCastle.provider();
    private static final org.bouncycastle.operator.DigestCalculatorProvider DIGESTS = digests();
    /** SingleResp index by response hash + issuer fingerprint + serial (empty: none matches). */
    private final java.util.concurrent.ConcurrentHashMap<String, Optional<Integer>> matches =
            new java.util.concurrent.ConcurrentHashMap<>();
    /** Decoded SingleResp statements, same key as {@link #matches}. */
    private final java.util.concurrent.ConcurrentHashMap<String, Optional<Statement>> statements =
            new java.util.concurrent.ConcurrentHashMap<>();

    public RevocationChecker(Fetcher fetcher, SignatureCheckCache signatures, CrlCache crls) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.signatures = Objects.requireNonNull(signatures, "signatures");
        this.crls = Objects.requireNonNull(crls, "crls");
        this.delegatedResponders = new DelegatedResponderCheck(signatures);
    }

    private final DelegatedResponderCheck delegatedResponders;
    /** The cRLIssuer names of each certificate's distribution points (immutable input, parsed once). */
    private final java.util.concurrent.ConcurrentHashMap<X509Certificate, java.util.Set<javax.security.auth.x500.X500Principal>>
            crlIssuerNames = new java.util.concurrent.ConcurrentHashMap<>();

    private java.util.Set<javax.security.auth.x500.X500Principal> crlIssuers(X509Certificate certificate) {
        java.util.Set<javax.security.auth.x500.X500Principal> known = crlIssuerNames.get(certificate);
        if (known == null) {
            known = CrlScope.crlIssuers(certificate);
            if (crlIssuerNames.size() >= MAX_CACHED) {
                crlIssuerNames.clear();
            }
            crlIssuerNames.put(certificate, known);
        }
        return known;
    }

    /** The parsed CRLs of the material (for a delegated responder's own status). */
    private List<ParsedCrl> crlsAt(ValidationMaterial material) {
        List<ParsedCrl> out = new ArrayList<>();
        for (ValidationMaterial.Sourced<byte[]> c : material.crls()) {
            crls.parse(c.item()).ifPresent(out::add);
        }
        return out;
    }

    /**
     * Every usable statement about {@code certificate} (issued by {@code issuer}). Goes online only
     * when nothing at hand is fresh at {@code freshAt}. Problems (bad signature, fetch refused) are
     * passed to {@code problems} and the item is skipped.
     */
    public List<RevocationData> find(X509Certificate certificate, X509Certificate issuer, ValidationMaterial material,
                                     Collection<X509Certificate> certificatePool, Instant freshAt,
                                     Consumer<String> problems) {
        List<RevocationData> found = new ArrayList<>();
        for (ValidationMaterial.Sourced<byte[]> o : material.ocspResponses()) {
            fromOcsp(o.item(), o.origin(), null, certificate, issuer, certificatePool, material, problems).ifPresent(found::add);
        }
        List<ParsedCrl> parsed = new ArrayList<>();
        Map<String, Origin> crlOrigins = new LinkedHashMap<>();
        java.util.Set<javax.security.auth.x500.X500Principal> indirectIssuers = crlIssuers(certificate);
        for (ValidationMaterial.Sourced<byte[]> c : material.crls()) {
            crls.parse(c.item()).filter(p -> p.issuer().equals(certificate.getIssuerX500Principal())
                    || indirectIssuers.contains(p.issuer())).ifPresent(p -> {
                if (crlOrigins.putIfAbsent(p.sha256(), c.origin()) == null) {
                    parsed.add(p);
                }
            });
        }
        found.addAll(fromCrls(parsed, crlOrigins, null, certificate, issuer, certificatePool, problems));
        if (found.stream().noneMatch(d -> d.isFreshAt(freshAt)) && !fetcher.settings().offline()) {
            found.addAll(online(certificate, issuer, certificatePool, material, problems));
        }
        return dedupe(found);
    }

    private List<RevocationData> online(X509Certificate certificate, X509Certificate issuer,
                                        Collection<X509Certificate> pool, ValidationMaterial material,
                                        Consumer<String> problems) {
        List<RevocationData> out = new ArrayList<>();
        for (URI url : CertificateUrls.ocspResponders(certificate)) {
            try {
                byte[] request = ocspRequest(certificate, issuer);
                byte[] response = fetcher.post(url, "application/ocsp-request", request, this::ocspExpiry);
                fromOcsp(response, Origin.FETCHED, url.toString(), certificate, issuer, pool, material, problems)
                        .ifPresent(out::add);
                if (!out.isEmpty()) {
                    return out;
                }
            } catch (FetchException e) {
                problems.accept("OCSP for " + subject(certificate) + ": " + e.getMessage());
            }
        }
        for (URI url : CertificateUrls.crlDistributionPoints(certificate)) {
            try {
                byte[] der = fetcher.get(url, bytes -> crls.parse(bytes)
                        .map(p -> Optional.ofNullable(p.nextUpdate()))
                        .orElseThrow(() -> new FetchException(url + " did not return a CRL")));
                Optional<ParsedCrl> p = crls.parse(der);
                if (p.isPresent()) {
                    out.addAll(fromCrls(List.of(p.get()), Map.of(p.get().sha256(), Origin.FETCHED), url.toString(),
                            certificate, issuer, pool, problems));
                    if (!out.isEmpty()) {
                        return out;
                    }
                }
            } catch (FetchException e) {
                problems.accept("CRL for " + subject(certificate) + ": " + e.getMessage());
            }
        }
        return out;
    }

    // RFC 5280 §6.3: the CRL must be issued by the certificate's issuer and signed with its key, or be
    // an indirect CRL of the cRLIssuer the certificate names (§6.3.3 b 1); its issuingDistributionPoint
    // must cover the certificate (§5.2.5); a delta CRL (§5.2.4) refines the full CRL whose number it names.
    private List<RevocationData> fromCrls(List<ParsedCrl> candidates, Map<String, Origin> origins, String url,
                                          X509Certificate certificate, X509Certificate issuer,
                                          Collection<X509Certificate> pool, Consumer<String> problems) {
        List<ParsedCrl> verified = new ArrayList<>();
        Map<String, X509Certificate> signerOf = new java.util.HashMap<>();
        Map<String, CrlScope> scopeOf = new java.util.HashMap<>();
        for (ParsedCrl p : candidates) {
            CrlScope scope = CrlScope.of(p.crl());
            X509Certificate crlSigner;
            if (p.issuer().equals(issuer.getSubjectX500Principal())) {
                crlSigner = issuer;
            } else if (scope.indirect()) {
                crlSigner = indirectCrlSigner(p, issuer, pool);
                if (crlSigner == null) {
                    problems.accept("indirect CRL of " + p.issuer().getName() + " (thisUpdate " + p.thisUpdate()
                            + "): no certificate of its issuer, issued by " + subject(issuer) + " with cRLSign, is at hand; ignored");
                    continue;
                }
            } else {
                continue;
            }
            String notCovering = scope.whyNotCovering(certificate);
            if (notCovering != null) {
                problems.accept("CRL of " + p.issuer().getName() + " (thisUpdate " + p.thisUpdate() + ") not used for "
                        + subject(certificate) + ": " + notCovering);
                continue;
            }
            boolean[] ku = crlSigner.getKeyUsage();
            if (ku != null && (ku.length <= 6 || !ku[6])) {
                problems.accept("CRL issuer " + subject(crlSigner) + " lacks key usage cRLSign; CRL ignored");
                continue;
            }
            if (!signatures.verifies(p.crl(), p.encoded(), crlSigner.getPublicKey())) {
                problems.accept("CRL of " + subject(crlSigner) + " (thisUpdate " + p.thisUpdate() + ") has a bad signature; ignored");
                continue;
            }
            verified.add(p);
            signerOf.put(p.sha256(), crlSigner);
            scopeOf.put(p.sha256(), scope);
        }
        List<RevocationData> out = new ArrayList<>();
        for (ParsedCrl full : verified) {
            if (full.isDelta()) {
                continue;
            }
            CrlScope scope = scopeOf.get(full.sha256());
            ParsedCrl.Revoked entry = entry(full, scope, certificate);
            ParsedCrl usedDelta = null;
            for (ParsedCrl delta : verified) {
                if (delta.isDelta() && appliesTo(delta, full, scopeOf.get(delta.sha256()), scope)) {
                    ParsedCrl.Revoked d = entry(delta, scope, certificate);
                    if (d != null) {
                        entry = "removeFromCRL".equals(d.reason()) ? null : d;
                    }
                    usedDelta = delta;
                }
            }
            ParsedCrl newest = usedDelta != null ? usedDelta : full;
            X509Certificate newestSigner = signerOf.get(newest.sha256());
            if (entry != null && "certificateHold".equals(entry.reason())) {
                out.add(crlData(newest, RevocationStatus.UNKNOWN, null, entry.reason(), origins, url, newestSigner));
            } else if (entry != null) {
                out.add(crlData(newest, RevocationStatus.REVOKED, entry.time(), entry.reason(), origins, url, newestSigner));
            } else {
                out.add(crlData(newest, RevocationStatus.GOOD, null, null, origins, url, newestSigner));
            }
            if (usedDelta != null) {
                out.add(crlData(full, entry == null ? RevocationStatus.GOOD : RevocationStatus.REVOKED,
                        entry == null ? null : entry.time(), entry == null ? null : entry.reason(), origins, url,
                        signerOf.get(full.sha256())));
            }
        }
        return out;
    }

    // RFC 5280 §5.2.4: a delta CRL refines a complete CRL of the same issuer and scope whose cRLNumber is
    // at least the delta's BaseCRLNumber, and is itself newer (a larger cRLNumber, a later thisUpdate).
    private static boolean appliesTo(ParsedCrl delta, ParsedCrl full, CrlScope deltaScope, CrlScope fullScope) {
        return full.crlNumber() != null && delta.issuer().equals(full.issuer()) && deltaScope.equals(fullScope)
                && delta.baseCrlNumber().compareTo(full.crlNumber()) <= 0
                && (delta.crlNumber() == null || delta.crlNumber().compareTo(full.crlNumber()) > 0)
                && delta.thisUpdate().isAfter(full.thisUpdate());
    }

    private static ParsedCrl.Revoked entry(ParsedCrl crl, CrlScope scope, X509Certificate certificate) {
        return scope.indirect() ? CrlScope.indirectEntry(crl.crl(), certificate) : crl.revoked().get(certificate.getSerialNumber());
    }

    /**
     * The certificate of an indirect CRL's issuer: issued by the certificate's own CA with cRLSign and
     * valid when the CRL was issued (Vellum does not build a separate path for a CRL issuer).
     */
    private X509Certificate indirectCrlSigner(ParsedCrl crl, X509Certificate issuer, Collection<X509Certificate> pool) {
        for (X509Certificate c : pool) {
            if (c.getSubjectX500Principal().equals(crl.issuer())
                    && c.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())
                    && !crl.thisUpdate().isBefore(c.getNotBefore().toInstant())
                    && !crl.thisUpdate().isAfter(c.getNotAfter().toInstant())
                    && signatures.verifies(c, issuer.getPublicKey())) {
                return c;
            }
        }
        return null;
    }

    private static RevocationData crlData(ParsedCrl p, RevocationStatus status, Instant time, String reason,
                                          Map<String, Origin> origins, String url, X509Certificate signer) {
        return new RevocationData(RevocationData.Kind.CRL, status, time, reason, p.thisUpdate(), p.nextUpdate(),
                p.thisUpdate(), signer, origins.getOrDefault(p.sha256(), Origin.FETCHED), url, p.encoded());
    }

    // RFC 6960 §4.2.2.2: the response is signed by the CA itself or by a responder certificate
    // the CA issued with id-kp-OCSPSigning.
    private Optional<RevocationData> fromOcsp(byte[] der, Origin origin, String url, X509Certificate certificate,
                                              X509Certificate issuer, Collection<X509Certificate> pool,
                                              ValidationMaterial material, Consumer<String> problems) {
        BasicOCSPResp basic;
        byte[] encoded;
        String key = dev.vellum.validation.x509.Fingerprints.sha256Hex(der);
        Optional<Object[]> cached = parsedOcsp.get(key);
        if (cached == null) {
            try {
                cached = Optional.ofNullable(basicResponse(der));
            } catch (IOException | RuntimeException e) {
                problems.accept("unreadable OCSP response" + (url == null ? "" : " from " + url) + ": " + e.getMessage());
                cached = Optional.empty();
            }
            if (parsedOcsp.size() >= MAX_CACHED) {
                parsedOcsp.clear();
            }
            parsedOcsp.put(key, cached);
        }
        if (cached.isEmpty()) {
            return Optional.empty();
        }
        basic = (BasicOCSPResp) cached.get()[0];
        encoded = (byte[]) cached.get()[1];
        if (!anySerial(basic, certificate)) {
            return Optional.empty();
        }
        String verifiedKey = key + "/" + dev.vellum.validation.x509.Fingerprints.of(issuer);
        // Which SingleResp is about the certificate (RFC 6960 §4.1.1 CertID) is immutable work too.
        String matchKey = verifiedKey + "/" + certificate.getSerialNumber().toString(16);
        Optional<Integer> index = matches.get(matchKey);
        if (index == null) {
            index = Optional.ofNullable(matching(basic, certificate, issuer));
            if (matches.size() >= MAX_CACHED) {
                matches.clear();
            }
            matches.put(matchKey, index);
        }
        if (index.isEmpty()) {
            return Optional.empty();
        }
        SingleResp single = basic.getResponses()[index.get()];
        // The response's signature is immutable work: verified once per issuer, then remembered.
        Optional<X509Certificate> known = verifiedResponders.get(verifiedKey);
        if (known == null) {
            known = Optional.ofNullable(responder(basic, issuer, pool));
            if (verifiedResponders.size() >= MAX_CACHED) {
                verifiedResponders.clear();
            }
            verifiedResponders.put(verifiedKey, known);
        }
        X509Certificate signer = known.orElse(null);
        if (signer == null) {
            problems.accept("OCSP response about " + subject(certificate)
                    + " is not signed by its CA or by an authorised responder; ignored");
            return Optional.empty();
        }
        Instant producedAt = basic.getProducedAt().toInstant();
        Optional<String> refused = delegatedResponders.refusal(signer, issuer, producedAt, () -> crlsAt(material), problems);
        if (refused.isPresent()) {
            problems.accept("OCSP response about " + subject(certificate) + ": " + refused.get() + "; ignored");
            return Optional.empty();
        }
        Optional<Statement> statement = statements.get(matchKey);
        if (statement == null) {
            statement = Statement.of(basic, single);
            if (statements.size() >= MAX_CACHED) {
                statements.clear();
            }
            statements.put(matchKey, statement);
        }
        return statement.map(st -> new RevocationData(RevocationData.Kind.OCSP, st.status(), st.revocationTime(),
                st.reason(), st.thisUpdate(), st.nextUpdate(), st.producedAt(), signer, origin, url, encoded));
    }

    /**
     * What one SingleResp says (RFC 6960 §4.2.1), decoded once: Bouncy Castle parses each
     * GeneralizedTime anew on every call. Empty for a status this code does not know.
     */
    private record Statement(RevocationStatus status, Instant revocationTime, String reason, Instant thisUpdate,
                             Instant nextUpdate, Instant producedAt) {
        static Optional<Statement> of(BasicOCSPResp basic, SingleResp single) {
            Instant producedAt = basic.getProducedAt().toInstant();
            Instant thisUpdate = single.getThisUpdate().toInstant();
            Instant nextUpdate = single.getNextUpdate() == null ? null : single.getNextUpdate().toInstant();
            CertificateStatus status = single.getCertStatus();
            if (status == CertificateStatus.GOOD) {
                return Optional.of(new Statement(RevocationStatus.GOOD, null, null, thisUpdate, nextUpdate, producedAt));
            }
            if (status instanceof RevokedStatus revoked) {
                String reason = revoked.hasRevocationReason() ? reasonName(revoked.getRevocationReason()) : null;
                return Optional.of(new Statement(RevocationStatus.REVOKED, revoked.getRevocationTime().toInstant(), reason,
                        thisUpdate, nextUpdate, producedAt));
            }
            if (status instanceof UnknownStatus) {
                return Optional.of(new Statement(RevocationStatus.UNKNOWN, null, null, thisUpdate, nextUpdate, producedAt));
            }
            return Optional.empty();
        }
    }

    /** {BasicOCSPResp, DER of the full OCSPResponse} from an OCSPResponse or a bare BasicOCSPResponse. */
    private static Object[] basicResponse(byte[] der) throws IOException {
        ASN1Primitive p = ASN1Primitive.fromByteArray(der);
        try {
            OCSPResp resp = new OCSPResp(OCSPResponse.getInstance(p));
            if (resp.getStatus() != OCSPResponseStatus.SUCCESSFUL) {
                return null;
            }
            return new Object[] {(BasicOCSPResp) resp.getResponseObject(), der.clone()};
        } catch (IllegalArgumentException | ClassCastException notFull) {
            org.bouncycastle.asn1.ocsp.BasicOCSPResponse b = org.bouncycastle.asn1.ocsp.BasicOCSPResponse.getInstance(p);
            OCSPResponse full = new OCSPResponse(new OCSPResponseStatus(OCSPResponseStatus.SUCCESSFUL),
                    new ResponseBytes(OCSPObjectIdentifiers.id_pkix_ocsp_basic,
                            new org.bouncycastle.asn1.DEROctetString(b.getEncoded("DER"))));
            return new Object[] {new BasicOCSPResp(b), full.getEncoded("DER")};
        } catch (org.bouncycastle.cert.ocsp.OCSPException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static boolean anySerial(BasicOCSPResp basic, X509Certificate certificate) {
        for (SingleResp s : basic.getResponses()) {
            if (s.getCertID().getSerialNumber().equals(certificate.getSerialNumber())) {
                return true;
            }
        }
        return false;
    }

    /** The index of the SingleResp whose CertID names {@code certificate} of {@code issuer}, or null. */
    private static Integer matching(BasicOCSPResp basic, X509Certificate certificate, X509Certificate issuer) {
        SingleResp[] responses = basic.getResponses();
        for (int i = 0; i < responses.length; i++) {
            CertificateID id = responses[i].getCertID();
            if (!id.getSerialNumber().equals(certificate.getSerialNumber())) {
                continue;
            }
            try {
                if (id.matchesIssuer(new JcaX509CertificateHolder(issuer), DIGESTS)) {
                    return i;
                }
            } catch (Exception e) {
                // an unknown hash algorithm in the CertID: this entry cannot be matched
            }
        }
        return null;
    }

    private X509Certificate responder(BasicOCSPResp basic, X509Certificate issuer, Collection<X509Certificate> pool) {
        List<X509Certificate> candidates = new ArrayList<>();
        candidates.add(issuer);
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        for (X509CertificateHolder h : basic.getCerts()) {
            try {
                candidates.add(converter.getCertificate(h));
            } catch (Exception e) {
                // skip an undecodable embedded certificate
            }
        }
        candidates.addAll(pool);
        for (X509Certificate c : candidates) {
            if (!matchesResponderId(basic, c)) {
                continue;
            }
            boolean isIssuer = c.equals(issuer)
                    || (c.getSubjectX500Principal().equals(issuer.getSubjectX500Principal())
                        && Arrays.equals(c.getPublicKey().getEncoded(), issuer.getPublicKey().getEncoded()));
            if (!isIssuer) {
                if (!c.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())
                        || !signatures.verifies(c, issuer.getPublicKey())
                        || CertificateRole.OCSP_RESPONDER.violation(c).isPresent()) {
                    continue;
                }
            }
            try {
                if (basic.isSignatureValid(dev.vellum.formats.cms.ContentVerifiers.of(c.getPublicKey()))) {
                    return c;
                }
            } catch (Exception e) {
                // try the next candidate
            }
        }
        return null;
    }

    private static boolean matchesResponderId(BasicOCSPResp basic, X509Certificate c) {
        org.bouncycastle.asn1.ocsp.ResponderID id = basic.getResponderId().toASN1Primitive();
        if (id.getName() != null) {
            return org.bouncycastle.asn1.x500.X500Name.getInstance(c.getSubjectX500Principal().getEncoded())
                    .equals(id.getName());
        }
        byte[] keyHash = id.getKeyHash();
        try {
            byte[] spki = org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(c.getPublicKey().getEncoded())
                    .getPublicKeyData().getBytes();
            return Arrays.equals(keyHash, java.security.MessageDigest.getInstance("SHA-1").digest(spki));
        } catch (Exception e) {
            return false;
        }
    }

    private static org.bouncycastle.operator.DigestCalculatorProvider digests() {
        try {
            return new JcaDigestCalculatorProviderBuilder().build();
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static byte[] ocspRequest(X509Certificate certificate, X509Certificate issuer) {
        try {
            DigestCalculator sha1 = new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1);
            CertificateID id = new CertificateID(sha1, new JcaX509CertificateHolder(issuer), certificate.getSerialNumber());
            // No nonce: responses can then be cached and reused until their nextUpdate.
            return new OCSPReqBuilder().addRequest(id).build().getEncoded();
        } catch (Exception e) {
            throw new FetchException("cannot build an OCSP request for " + subject(certificate) + ": " + e.getMessage(), e);
        }
    }

    private Optional<Instant> ocspExpiry(byte[] der) {
        try {
            Object[] parsed = basicResponse(der);
            if (parsed == null) {
                throw new FetchException("OCSP responder answered with an unsuccessful status");
            }
            BasicOCSPResp basic = (BasicOCSPResp) parsed[0];
            Instant earliest = null;
            for (SingleResp s : basic.getResponses()) {
                if (s.getNextUpdate() == null) {
                    return Optional.of(Instant.EPOCH); // no nextUpdate: do not cache
                }
                Instant n = s.getNextUpdate().toInstant();
                earliest = earliest == null || n.isBefore(earliest) ? n : earliest;
            }
            return Optional.ofNullable(earliest);
        } catch (IOException | RuntimeException e) {
            if (e instanceof FetchException fe) {
                throw fe;
            }
            throw new FetchException("OCSP responder sent something that is not an OCSP response: " + e.getMessage(), e);
        }
    }

    private static String reasonName(int code) {
        return switch (code) {
            case CRLReason.keyCompromise -> "keyCompromise";
            case CRLReason.cACompromise -> "cACompromise";
            case CRLReason.affiliationChanged -> "affiliationChanged";
            case CRLReason.superseded -> "superseded";
            case CRLReason.cessationOfOperation -> "cessationOfOperation";
            case CRLReason.certificateHold -> "certificateHold";
            case CRLReason.removeFromCRL -> "removeFromCRL";
            case CRLReason.privilegeWithdrawn -> "privilegeWithdrawn";
            case CRLReason.aACompromise -> "aACompromise";
            default -> "unspecified";
        };
    }

    private static List<RevocationData> dedupe(List<RevocationData> all) {
        Map<String, RevocationData> unique = new LinkedHashMap<>();
        for (RevocationData d : all) {
            unique.putIfAbsent(d.kind() + d.id() + d.status() + d.thisUpdate(), d);
        }
        return List.copyOf(unique.values());
    }

    private static String subject(X509Certificate c) {
        return DisplayNames.subject(c);
    }
}
