package dev.vellum.testkit.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * Builds a signed OCSP response (RFC 6960) from the PKI's revocation database, online for the responder
 * service or offline for embedding: {@code pki.ocspResponse(cert).at(t).build()} gives the DER
 * OCSPResponse. By default the status is the one in effect at thisUpdate (good for a certificate the CA
 * issued, revoked once its revocation is in effect, unknown otherwise), the response is signed by the
 * CA's delegated responder (or the CA itself), identifies the responder by key hash, includes the
 * responder certificate, echoes the request nonce, and is valid for one day.
 */
public final class OcspResponseBuilder {
    private final TestPki pki;
    private final List<CertificateID> certificateIds;
    private final Extension requestNonce;
    private Instant producedAt;
    private Instant thisUpdate;
    private Instant nextUpdate;
    private boolean withoutNextUpdate;
    private OcspCertStatus status;
    private Extension nonce;
    private boolean nonceOverridden;
    private Credential signer;
    private boolean includeCertificates = true;
    private boolean responderIdByName;
    private boolean badSignature;
    private String signatureAlgorithm;
    private BigInteger answeredSerial;

    OcspResponseBuilder(TestPki pki, List<CertificateID> certificateIds, Extension requestNonce) {
        if (certificateIds.isEmpty()) {
            throw new IllegalArgumentException("an OCSP response needs at least one CertID");
        }
        this.pki = pki;
        this.certificateIds = List.copyOf(certificateIds);
        this.requestNonce = requestNonce;
    }

    /** producedAt, and thisUpdate unless set (default: the PKI clock's now). */
    public OcspResponseBuilder at(Instant producedAt) {
        this.producedAt = Objects.requireNonNull(producedAt, "producedAt");
        return this;
    }

    /** thisUpdate, when it should differ from producedAt; the status is the one in effect then. */
    public OcspResponseBuilder thisUpdate(Instant thisUpdate) {
        this.thisUpdate = Objects.requireNonNull(thisUpdate, "thisUpdate");
        return this;
    }

    /** nextUpdate (default: one day after thisUpdate). */
    public OcspResponseBuilder nextUpdate(Instant nextUpdate) {
        this.nextUpdate = Objects.requireNonNull(nextUpdate, "nextUpdate");
        this.withoutNextUpdate = false;
        return this;
    }

    /** Omit nextUpdate ("newer information is always available", RFC 6960 §4.2.2.1). */
    public OcspResponseBuilder withoutNextUpdate() {
        this.withoutNextUpdate = true;
        return this;
    }

    /** Answer this status for every certificate, whatever the database says (a lying or confused responder). */
    public OcspResponseBuilder status(OcspCertStatus status) {
        this.status = Objects.requireNonNull(status, "status");
        return this;
    }

    /** Put this nonce in the response instead of echoing the request's (RFC 8954 §2.1). */
    public OcspResponseBuilder nonce(byte[] value) {
        try {
            this.nonce = new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                    new DEROctetString(value).getEncoded());
        } catch (IOException e) {
            throw new TestPkiException("cannot encode an OCSP nonce", e);
        }
        this.nonceOverridden = true;
        return this;
    }

    /** Do not include a nonce even if the request had one. */
    public OcspResponseBuilder withoutNonce() {
        this.nonce = null;
        this.nonceOverridden = true;
        return this;
    }

    /** Sign with this credential (an unauthorized or untrusted responder, or the CA itself). */
    public OcspResponseBuilder signedBy(Credential signer) {
        this.signer = Objects.requireNonNull(signer, "signer");
        return this;
    }

    /** Whether to include the signer's certificate in the response (default true). */
    public OcspResponseBuilder includeCertificates(boolean include) {
        this.includeCertificates = include;
        return this;
    }

    /** Identify the responder by name instead of by key hash. */
    public OcspResponseBuilder responderIdByName() {
        this.responderIdByName = true;
        return this;
    }

    /** The signature algorithm (default: the one matching the signer's key). */
    public OcspResponseBuilder signatureAlgorithm(String jcaName) {
        this.signatureAlgorithm = Objects.requireNonNull(jcaName, "jcaName");
        return this;
    }

    /** Corrupt the signature so that the response does not verify. */
    public OcspResponseBuilder badSignature() {
        this.badSignature = true;
        return this;
    }

    /** Answer about another serial number than the one asked (a CertID mismatch). */
    public OcspResponseBuilder answerForSerial(BigInteger serial) {
        this.answeredSerial = Objects.requireNonNull(serial, "serial");
        return this;
    }

    /** The DER-encoded OCSPResponse with status successful. */
    public byte[] build() {
        Instant produced = (producedAt != null ? producedAt : pki.clock().instant()).truncatedTo(ChronoUnit.SECONDS);
        Instant from = thisUpdate != null ? thisUpdate.truncatedTo(ChronoUnit.SECONDS) : produced;
        Instant until = withoutNextUpdate ? null : nextUpdate != null ? nextUpdate : from.plus(Duration.ofDays(1));
        Credential signing = signer != null ? signer : certificateIds.stream()
                .map(pki::authorityFor).flatMap(Optional::stream).findFirst()
                .map(CertificateAuthority::ocspSigner)
                .orElseThrow(() -> new IllegalStateException("no CA of this PKI issued the certificates asked about"));
        try {
            BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(responderId(signing));
            for (CertificateID id : certificateIds) {
                CertificateID answered = answeredSerial == null ? id
                        : CertificateID.deriveCertificateID(id, answeredSerial);
                builder.addResponse(answered, statusOf(id, answered.getSerialNumber(), from),
                        Date.from(from), until == null ? null : Date.from(until), null);
            }
            Extension responseNonce = nonceOverridden ? nonce : requestNonce;
            if (responseNonce != null) {
                builder.setResponseExtensions(new Extensions(responseNonce));
            }
            X509CertificateHolder[] certificates = includeCertificates
                    ? new X509CertificateHolder[] {signing.certificateHolder()} : null;
            String algorithm = signatureAlgorithm != null ? signatureAlgorithm
                    : Crypto.defaultSignatureAlgorithm(signing.privateKey());
            BasicOCSPResp basic = builder.build(Crypto.signer(signing.privateKey(), algorithm, badSignature),
                    certificates, Date.from(produced));
            return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
        } catch (OCSPException | IOException e) {
            throw new TestPkiException("cannot build an OCSP response signed by " + signing.name(), e);
        }
    }

    private RespID responderId(Credential signing) throws OCSPException {
        if (responderIdByName) {
            return new RespID(X500Name.getInstance(signing.certificate().getSubjectX500Principal().getEncoded()));
        }
        try {
            return new RespID(SubjectPublicKeyInfo.getInstance(signing.publicKey().getEncoded()),
                    Crypto.digests().get(CertificateID.HASH_SHA1));
        } catch (OperatorCreationException e) {
            throw new TestPkiException("no SHA-1 for the responder key hash", e);
        }
    }

    // RFC 6960 §4.2.1: good, revoked (time and reason) or unknown
    private CertificateStatus statusOf(CertificateID id, BigInteger serial, Instant at) {
        Optional<CertificateAuthority> authority = pki.authorityFor(id);
        Optional<Revocation> revocation = authority.flatMap(a -> a.revocation(serial));
        if (status != null) {
            return switch (status) {
                case GOOD -> CertificateStatus.GOOD;
                case UNKNOWN -> new UnknownStatus();
                case REVOKED -> revoked(revocation.orElse(new Revocation(serial, at, RevocationReason.UNSPECIFIED)));
            };
        }
        if (authority.isEmpty()) {
            return new UnknownStatus();
        }
        if (revocation.isPresent() && revocation.get().effectiveAt(at)) {
            return revoked(revocation.get());
        }
        return authority.get().hasIssued(serial) ? CertificateStatus.GOOD : new UnknownStatus();
    }

    private static CertificateStatus revoked(Revocation revocation) {
        return new RevokedStatus(Date.from(revocation.revocationTime()), revocation.reason().code());
    }
}
