package dev.vellum.validation.revocation;

import dev.vellum.validation.x509.Fingerprints;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.cert.CRLException;
import java.security.cert.CRLReason;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.Extension;

/** Parsed CRLs by the SHA-256 of their DER (immutable input, so safe to share). Thread-safe, bounded. */
public final class CrlCache {

    private static final int MAX_ENTRIES = 1_000;
    private final ConcurrentHashMap<String, ParsedCrl> parsed = new ConcurrentHashMap<>();

    /** The parsed CRL, or empty when the bytes are not a CRL. */
    public Optional<ParsedCrl> parse(byte[] der) {
        String sha = Fingerprints.sha256Hex(der);
        ParsedCrl known = parsed.get(sha);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<ParsedCrl> fresh = decode(der, sha);
        fresh.ifPresent(p -> {
            if (parsed.size() >= MAX_ENTRIES) {
                parsed.clear();
            }
            parsed.put(sha, p);
        });
        return fresh;
    }

    public int size() {
        return parsed.size();
    }

    private static Optional<ParsedCrl> decode(byte[] der, String sha) {
        try {
            X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
            if (crl == null || crl.getThisUpdate() == null) {
                return Optional.empty();
            }
            Map<BigInteger, ParsedCrl.Revoked> revoked = new HashMap<>();
            if (crl.getRevokedCertificates() != null) {
                for (X509CRLEntry e : crl.getRevokedCertificates()) {
                    CRLReason reason = e.getRevocationReason();
                    revoked.put(e.getSerialNumber(), new ParsedCrl.Revoked(e.getRevocationDate().toInstant(),
                            reason == null ? null : reasonName(reason)));
                }
            }
            return Optional.of(new ParsedCrl(crl, der.clone(), sha, crl.getIssuerX500Principal(),
                    crl.getThisUpdate().toInstant(),
                    crl.getNextUpdate() == null ? null : crl.getNextUpdate().toInstant(),
                    integerExtension(crl, Extension.cRLNumber.getId()),
                    integerExtension(crl, Extension.deltaCRLIndicator.getId()),
                    Map.copyOf(revoked)));
        } catch (CRLException | CertificateException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** RFC 5280 reason names, e.g. keyCompromise. */
    static String reasonName(CRLReason reason) {
        return switch (reason) {
            case UNSPECIFIED -> "unspecified";
            case KEY_COMPROMISE -> "keyCompromise";
            case CA_COMPROMISE -> "cACompromise";
            case AFFILIATION_CHANGED -> "affiliationChanged";
            case SUPERSEDED -> "superseded";
            case CESSATION_OF_OPERATION -> "cessationOfOperation";
            case CERTIFICATE_HOLD -> "certificateHold";
            case REMOVE_FROM_CRL -> "removeFromCRL";
            case PRIVILEGE_WITHDRAWN -> "privilegeWithdrawn";
            case AA_COMPROMISE -> "aACompromise";
            default -> reason.name();
        };
    }

    private static BigInteger integerExtension(X509CRL crl, String oid) {
        byte[] v = crl.getExtensionValue(oid);
        if (v == null) {
            return null;
        }
        try {
            return ASN1Integer.getInstance(ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(v).getOctets())).getValue();
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }
}
