package dev.vellum.policy;

import dev.vellum.policy.identifier.SigPolicyQualifier;
import dev.vellum.policy.identifier.SignaturePolicyId;
import dev.vellum.policy.identifier.SignaturePolicyStore;
import dev.vellum.policy.identifier.SpDocSpecification;
import dev.vellum.policy.model.Bytes;
import dev.vellum.policy.model.SignaturePolicy;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One policy known to a {@link PolicyRegistry}: its OID, the hash signatures carry for it, its
 * document (when we have it), the qualifiers to put in signatures, and how to embed it.
 *
 * @param hash       the sigPolicyHash value signers use (for an ASN.1 policy, over DER(alg) ‖ DER(info))
 * @param format     what the document is
 * @param document   the policy document's bytes (DER for ASN.1, compiled DER for JSON sources); null
 *                   when the policy is known only by OID and declared hash
 * @param policy     the decoded RFC 3125 policy; null unless the format is {@link Format#RFC3125_DER}
 * @param spDocSpec  the document's syntax for signature-policy-store; null when not declared
 * @param source     where it came from (file name), for messages
 */
public record RegisteredPolicy(String oid, PolicyHash hash, Format format, Bytes document, SignaturePolicy policy,
        List<SigPolicyQualifier> qualifiers, SpDocSpecification spDocSpec, String source) {

    /** The kinds of policy document a registry holds. */
    public enum Format {
        /** An RFC 3125 ASN.1 policy (from a .der file or compiled from JSON): rules are machine-processable. */
        RFC3125_DER,
        /** Any other document (PDF, text, XML): hashed as a whole file; rules are for humans. */
        OTHER_DOCUMENT,
        /** Known only by OID and declared hash; no document at hand. */
        DECLARED_HASH_ONLY
    }

    /** How a claimed sigPolicyHash compares with this policy. */
    public enum HashCheck {
        /** The claimed hash is the policy's hash. */
        MATCH,
        /** The claimed hash is all zeros: "unknown" (EN 319 122-1 §5.2.9.1), accepted without comparison. */
        ZERO_HASH_ACCEPTED,
        /** The claimed hash differs: the signature names a different document. */
        MISMATCH,
        /** Cannot be decided: unsupported algorithm, or a different algorithm and no document to rehash. */
        NOT_VERIFIABLE
    }

    public RegisteredPolicy {
        if (oid == null || hash == null || format == null) {
            throw new PolicyException("a registered policy needs an OID, a hash and a format");
        }
        qualifiers = qualifiers == null ? List.of() : List.copyOf(qualifiers);
        if ((format == Format.RFC3125_DER) != (policy != null)) {
            throw new PolicyException("policy " + oid + ": an RFC 3125 entry needs its decoded policy, others must not have one");
        }
        if ((format == Format.DECLARED_HASH_ONLY) != (document == null)) {
            throw new PolicyException("policy " + oid + ": only declared-hash entries are without a document");
        }
    }

    /** An RFC 3125 DER policy: decoded with its embedded hash checked; spDocSpec defaults to the RFC 3125 module OID. */
    public static RegisteredPolicy fromDer(byte[] der, List<SigPolicyQualifier> qualifiers, SpDocSpecification spDocSpec,
            String source) {
        SignaturePolicy policy;
        try {
            policy = PolicyCodec.decode(der);
        } catch (PolicyException e) {
            throw new PolicyException(source + ": " + e.getMessage(), e);
        }
        return new RegisteredPolicy(policy.oid(), PolicyHasher.sigPolicyHash(der), Format.RFC3125_DER, Bytes.of(der),
                policy, qualifiers, spDocSpec == null ? SpDocSpecification.RFC3125_ASN1 : spDocSpec, source);
    }

    /**
     * A non-ASN.1 document identified by OID: hashed as a whole file. A declared hash, if given,
     * must match the file — otherwise signatures made with it would name a different document.
     */
    public static RegisteredPolicy fromDocument(String oid, byte[] document, HashAlgorithm algorithm, Bytes declaredHash,
            List<SigPolicyQualifier> qualifiers, SpDocSpecification spDocSpec, String source) {
        Bytes actual = PolicyHasher.documentHash(document, algorithm);
        if (declaredHash != null && !declaredHash.equals(actual)) {
            throw new PolicyException(source + ": declared " + algorithm.jcaName() + " hash " + declaredHash.hex()
                    + " of policy " + oid + " does not match the file, whose hash is " + actual.hex());
        }
        return new RegisteredPolicy(oid, PolicyHash.of(algorithm, actual), Format.OTHER_DOCUMENT, Bytes.of(document), null,
                qualifiers, spDocSpec, source);
    }

    /** A policy known only by OID and declared hash (e.g. a correspondent's policy we do not hold). */
    public static RegisteredPolicy declared(String oid, PolicyHash hash, List<SigPolicyQualifier> qualifiers, String source) {
        return new RegisteredPolicy(oid, hash, Format.DECLARED_HASH_ONLY, null, null, qualifiers, null, source);
    }

    public Optional<SignaturePolicy> asn1Policy() {
        return Optional.ofNullable(policy);
    }

    public Optional<Bytes> documentBytes() {
        return Optional.ofNullable(document);
    }

    /** What a signer puts in the signature-policy-identifier attribute (EPES): OID, hash, qualifiers. */
    public SignaturePolicyId signaturePolicyId() {
        return new SignaturePolicyId(oid, hash, qualifiers);
    }

    /**
     * The signature-policy-store to embed the document in a signature, when possible: we have the
     * document, know its spDocSpec, and the hash is real (EN 319 122-1 §6.3 k).
     */
    public Optional<SignaturePolicyStore> signaturePolicyStore() {
        if (document == null || spDocSpec == null || hash.isZeroHash()) {
            return Optional.empty();
        }
        return Optional.of(SignaturePolicyStore.embedding(spDocSpec, document));
    }

    /** The rules for validators; only RFC 3125 policies have machine-processable rules. */
    public PolicyRules rules(Set<String> understoodExtensions) {
        if (policy == null) {
            throw new PolicyException("policy " + oid + " (" + source + ") is a " + format
                    + ", which has no machine-processable rules; only its hash can be checked");
        }
        return PolicyRules.of(policy, understoodExtensions);
    }

    public PolicyRules rules() {
        return rules(Set.of());
    }

    /**
     * Compares a signature's sigPolicyHash with this policy. An ASN.1 policy is rehashed with the
     * claimed algorithm over DER(alg) ‖ DER(info) (DSS insists the algorithm equal signPolicyHashAlg;
     * we accept any supported one, which is as strong); another document over the whole file.
     */
    public HashCheck checkHash(PolicyHash claimed) {
        if (claimed.isZeroHash()) {
            return HashCheck.ZERO_HASH_ACCEPTED;
        }
        HashAlgorithm algorithm;
        try {
            algorithm = HashAlgorithm.fromOid(claimed.algorithmOid());
        } catch (PolicyException unsupported) {
            return HashCheck.NOT_VERIFIABLE;
        }
        Bytes expected;
        if (format == Format.RFC3125_DER) {
            byte[] der = document.toByteArray();
            if (same(claimed.value(), PolicyHasher.asn1PolicyHash(der, algorithm))
                    || same(claimed.value(), PolicyHasher.asn1PolicyHash(policy, algorithm))) {
                return HashCheck.MATCH;
            }
            return HashCheck.MISMATCH;
        } else if (format == Format.OTHER_DOCUMENT) {
            expected = PolicyHasher.documentHash(document.toByteArray(), algorithm);
        } else if (algorithm.oid().equals(hash.algorithmOid())) {
            expected = hash.value();
        } else {
            return HashCheck.NOT_VERIFIABLE;
        }
        return same(claimed.value(), expected) ? HashCheck.MATCH : HashCheck.MISMATCH;
    }

    private static boolean same(Bytes a, Bytes b) {
        return MessageDigest.isEqual(a.toByteArray(), b.toByteArray());
    }
}
