package dev.vellum.validation.policy;

import dev.vellum.policy.model.AlgAndLength;
import dev.vellum.validation.SubIndication;
import dev.vellum.validation.crypto.AlgorithmNames;
import dev.vellum.validation.report.ConstraintOutcome;
import dev.vellum.validation.x509.DisplayNames;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * RFC 3125 AlgorithmConstraints (AlgorithmConstraintSet): a signature meets them when its signature algorithm, or the
 * algorithm of the key that made it, is listed and the key is at least {@code minKeyLength} bits.
 * For certificates the signature is the issuer's (eeCert- and caCertAlgorithmConstraints constrain
 * the issuers of end-entity and of CA certificates), for time-stamp tokens the TSA's. Stateless.
 */
final class AlgorithmConstraintCheck {

    private AlgorithmConstraintCheck() {
    }

    /** Whether a signature made with {@code signatureOid} by {@code key} is allowed by {@code allowed}. */
    static boolean allowed(List<AlgAndLength> allowed, String signatureOid, PublicKey key) {
        String keyOid = keyAlgorithmOid(key);
        int size = AlgorithmNames.keySize(key);
        return allowed.stream().anyMatch(a -> (a.algID().equals(signatureOid) || a.algID().equals(keyOid))
                && (a.minKeyLength() == null || size >= a.minKeyLength()));
    }

    private static final String RSA_ENCRYPTION = "1.2.840.113549.1.1.1";
    private static final java.util.Map<String, String> RSA_WITH_DIGEST = java.util.Map.of(
            "1.3.14.3.2.26", "1.2.840.113549.1.1.5", "2.16.840.1.101.3.4.2.4", "1.2.840.113549.1.1.14",
            "2.16.840.1.101.3.4.2.1", "1.2.840.113549.1.1.11", "2.16.840.1.101.3.4.2.2", "1.2.840.113549.1.1.12",
            "2.16.840.1.101.3.4.2.3", "1.2.840.113549.1.1.13");

    /**
     * The signature algorithm of a CMS SignerInfo as a policy names it: SignerInfos often carry the bare
     * rsaEncryption OID (RFC 3370 §3.2), which with the digest algorithm means sha*WithRSAEncryption.
     */
    static String signatureOid(String signatureAlgorithmOid, String digestAlgorithmOid) {
        if (RSA_ENCRYPTION.equals(signatureAlgorithmOid) && digestAlgorithmOid != null) {
            return RSA_WITH_DIGEST.getOrDefault(digestAlgorithmOid, signatureAlgorithmOid);
        }
        return signatureAlgorithmOid;
    }

    static String keyAlgorithmOid(PublicKey key) {
        return SubjectPublicKeyInfo.getInstance(key.getEncoded()).getAlgorithm().getAlgorithm().getId();
    }

    /**
     * One rule over the certificates of {@code certificates}, each with its issuer ({@code issuers},
     * same order): the first certificate whose signature is not allowed fails it.
     */
    static ConstraintOutcome certificates(String id, String name, List<AlgAndLength> allowed,
                                          List<X509Certificate> certificates, List<X509Certificate> issuers) {
        for (int i = 0; i < certificates.size(); i++) {
            X509Certificate c = certificates.get(i);
            PublicKey issuerKey = issuers.get(i).getPublicKey();
            if (!allowed(allowed, c.getSigAlgOID(), issuerKey)) {
                return ConstraintOutcome.failed(id, SignaturePolicyValidation.CLAUSE_RULES, name, "certificate "
                        + DisplayNames.subject(c) + " is signed with " + describe(c.getSigAlgName(), issuerKey)
                        + ", which the policy does not allow", SubIndication.CRYPTO_CONSTRAINTS_FAILURE);
            }
        }
        if (certificates.isEmpty()) {
            return ConstraintOutcome.passed(id, SignaturePolicyValidation.CLAUSE_RULES, name,
                    "no such certificate in the chain below the trust anchor");
        }
        return ConstraintOutcome.passed(id, SignaturePolicyValidation.CLAUSE_RULES, name,
                certificates.size() + " certificate signature(s) allowed: "
                        + describe(certificates.get(0).getSigAlgName(), issuers.get(0).getPublicKey()));
    }

    /** A readable name for a signature algorithm OID (e.g. SHA256WITHECDSA); "unknown" for null. */
    static String name(String oid) {
        if (oid == null) {
            return "an unknown algorithm";
        }
        String name = new org.bouncycastle.operator.DefaultAlgorithmNameFinder()
                .getAlgorithmName(new org.bouncycastle.asn1.ASN1ObjectIdentifier(oid));
        return name.equals(oid) ? oid : name + " (" + oid + ")";
    }

    static String describe(String algorithm, PublicKey key) {
        return algorithm + " with a " + AlgorithmNames.keySize(key) + "-bit " + key.getAlgorithm() + " key";
    }
}
