package dev.vellum.validation.process;

import dev.vellum.validation.crypto.AlgorithmNames;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.ess.ESSCertID;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificate;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * The SignerInfo of an RFC 3161 time-stamp token, read for EN 319 102-1 §5.4: identification of the
 * TSA certificate (sid, confirmed by the ESS signing-certificate(-v2) digest RFC 3161/RFC 5816
 * require) and cryptographic verification of the token.
 */
final class TokenSignature {

    private final TimeStampToken token;
    private final SignerInformation signer;

    TokenSignature(TimeStampToken token) {
        this.token = token;
        this.signer = token.toCMSSignedData().getSignerInfos().getSigners().iterator().next();
    }

    private List<X509Certificate> certificates;

    /** Certificates inside the token (converted once). */
    List<X509Certificate> certificates() {
        if (certificates == null) {
            certificates = List.copyOf(convertCertificates());
        }
        return certificates;
    }

    private List<X509Certificate> convertCertificates() {
        List<X509Certificate> out = new ArrayList<>();
        for (X509CertificateHolder h : token.getCertificates().getMatches(null)) {
            try {
                out.add(TokenCertificates.certificate(h));
            } catch (Exception e) {
                // an undecodable certificate inside a token is skipped
            }
        }
        return out;
    }

    /** §5.2.3 for the token: the TSA certificate among {@code candidates}. */
    SigningCertificateIdentification.Result identify(List<X509Certificate> candidates) {
        java.math.BigInteger serial = signer.getSID().getSerialNumber();
        for (X509Certificate c : candidates) {
            if (serial != null && !serial.equals(c.getSerialNumber())) {
                continue; // cannot match the issuerAndSerialNumber sid: spare decoding the candidate
            }
            try {
                if (signer.getSID().match(TokenCertificates.holder(c)) && essMatches(c)) {
                    return new SigningCertificateIdentification.Result(Optional.of(c), Conclusion.PASSED);
                }
            } catch (Exception e) {
                // skip a candidate that cannot be compared
            }
        }
        return new SigningCertificateIdentification.Result(Optional.empty(), Conclusion.indeterminate(
                dev.vellum.validation.SubIndication.NO_SIGNING_CERTIFICATE_FOUND,
                "the TSA certificate is neither in the token nor among the certificates at hand"));
    }

    private boolean essMatches(X509Certificate c) throws Exception {
        org.bouncycastle.asn1.cms.AttributeTable attrs = signer.getSignedAttributes();
        if (attrs == null) {
            return true;
        }
        Attribute v2 = attrs.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
        if (v2 != null) {
            ESSCertIDv2 id = SigningCertificateV2.getInstance(v2.getAttrValues().getObjectAt(0)).getCerts()[0];
            MessageDigest md = BouncyCastle.digest(AlgorithmNames.digestName(id.getHashAlgorithm().getAlgorithm().getId()));
            return MessageDigest.isEqual(md.digest(c.getEncoded()), id.getCertHash());
        }
        Attribute v1 = attrs.get(PKCSObjectIdentifiers.id_aa_signingCertificate);
        if (v1 != null) {
            ESSCertID id = SigningCertificate.getInstance(v1.getAttrValues().getObjectAt(0)).getCerts()[0];
            return MessageDigest.isEqual(MessageDigest.getInstance("SHA-1").digest(c.getEncoded()), id.getCertHash());
        }
        return true;
    }

    /** §5.2.7 for the token. */
    Conclusion verify(X509Certificate tsa) {
        try {
            boolean ok = signer.verify(dev.vellum.formats.cms.SignerInfoVerifiers.of(tsa.getPublicKey()));
            return ok ? Conclusion.PASSED : Conclusion.failed(dev.vellum.validation.SubIndication.SIG_CRYPTO_FAILURE,
                    "the time-stamp token's signature does not verify with the TSA's key");
        } catch (CMSSignerDigestMismatchException e) {
            return Conclusion.failed(dev.vellum.validation.SubIndication.HASH_FAILURE,
                    "the time-stamp token's TSTInfo does not match its signed message-digest");
        } catch (Exception e) {
            return Conclusion.failed(dev.vellum.validation.SubIndication.SIG_CRYPTO_FAILURE,
                    "the time-stamp token cannot be verified: " + e.getMessage());
        }
    }

    /** The digest and signature algorithm of the token's SignerInfo. */
    org.bouncycastle.asn1.x509.AlgorithmIdentifier signatureAlgorithm() {
        return signer.toASN1Structure().getDigestEncryptionAlgorithm();
    }

    String digestAlgorithmOid() {
        return signer.getDigestAlgOID();
    }
}
