package dev.vellum.testkit.pki;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;

/** The state of one issuing CA: what it issued, what it revoked, its CRL numbers and its OCSP responder. */
final class CertificateAuthority {
    private final Credential credential;
    private final Map<BigInteger, X509Certificate> issued = new ConcurrentHashMap<>();
    private final Map<BigInteger, Revocation> revocations = new ConcurrentHashMap<>();
    private final AtomicLong crlNumber = new AtomicLong();
    private final AtomicReference<Credential> ocspResponder = new AtomicReference<>();

    CertificateAuthority(Credential credential) {
        this.credential = credential;
    }

    Credential credential() {
        return credential;
    }

    String name() {
        return credential.name();
    }

    void recordIssued(X509Certificate certificate) {
        issued.put(certificate.getSerialNumber(), certificate);
    }

    boolean hasIssued(BigInteger serial) {
        return issued.containsKey(serial);
    }

    Optional<X509Certificate> issued(BigInteger serial) {
        return Optional.ofNullable(issued.get(serial));
    }

    Revocation revoke(BigInteger serial, Instant time, RevocationReason reason) {
        Revocation revocation = new Revocation(serial, time, reason);
        revocations.put(serial, revocation);
        return revocation;
    }

    Optional<Revocation> revocation(BigInteger serial) {
        return Optional.ofNullable(revocations.get(serial));
    }

    /** The revocations in effect at the given time, in serial order. */
    List<Revocation> revocationsAt(Instant time) {
        return revocations.values().stream()
                .filter(r -> r.effectiveAt(time))
                .sorted(Comparator.comparing(Revocation::serialNumber))
                .toList();
    }

    BigInteger nextCrlNumber() {
        return BigInteger.valueOf(crlNumber.incrementAndGet());
    }

    /** The credential that signs OCSP responses about this CA's certificates: a delegated responder or the CA. */
    Credential ocspSigner() {
        Credential delegated = ocspResponder.get();
        return delegated != null ? delegated : credential;
    }

    void delegateOcsp(Credential responder) {
        ocspResponder.set(responder);
    }

    /** Whether this CA issued the certificate: same issuer name, and a matching key identifier or signature. */
    boolean issuedBy(X509Certificate certificate) {
        if (!certificate.getIssuerX500Principal().equals(credential.certificate().getSubjectX500Principal())) {
            return false;
        }
        byte[] authorityKeyId = authorityKeyId(certificate);
        byte[] subjectKeyId = subjectKeyId(credential.certificate());
        if (authorityKeyId != null && subjectKeyId != null) {
            return Arrays.equals(authorityKeyId, subjectKeyId);
        }
        try {
            certificate.verify(credential.publicKey());
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static byte[] authorityKeyId(X509Certificate certificate) {
        byte[] value = certificate.getExtensionValue(Extension.authorityKeyIdentifier.getId());
        return value == null ? null
                : AuthorityKeyIdentifier.getInstance(ASN1OctetString.getInstance(value).getOctets()).getKeyIdentifierOctets();
    }

    private static byte[] subjectKeyId(X509Certificate certificate) {
        byte[] value = certificate.getExtensionValue(Extension.subjectKeyIdentifier.getId());
        return value == null ? null
                : SubjectKeyIdentifier.getInstance(ASN1OctetString.getInstance(value).getOctets()).getKeyIdentifier();
    }
}
