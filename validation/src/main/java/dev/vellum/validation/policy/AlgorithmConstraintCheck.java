package dev.vellum.validation.policy;

import dev.vellum.policy.model.AlgAndLength;
import dev.vellum.validation.SubIndication;
import dev.vellum.validation.crypto.AlgorithmNames;
import dev.vellum.validation.report.ConstraintOutcome;
import dev.vellum.validation.x509.DisplayNames;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * RFC 3125 §3.12 AlgorithmConstraints: a signature meets them when its signature algorithm, or the
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
        return ConstraintOutcome.passed(id, SignaturePolicyValidation.CLAUSE_RULES, name,
                certificates.size() + " certificate signature(s) allowed"
                        + Optional.of(certificates).filter(l -> !l.isEmpty())
                        .map(l -> ": " + describe(l.get(0).getSigAlgName(), issuers.get(0).getPublicKey())).orElse(""));
    }

    static String describe(String algorithm, PublicKey key) {
        return algorithm + " with a " + AlgorithmNames.keySize(key) + "-bit " + key.getAlgorithm() + " key";
    }
}
