/**
 * DER encoding and decoding of RFC 3125 signature policies.
 *
 * <p>Tagging. RFC 3125 Annex A.1 declares its module
 * {@code ETS-ElectronicSignaturePolicies-88syntax {1 2 840 113549 1 9 16 0 7} DEFINITIONS EXPLICIT TAGS},
 * so every context tag in a policy is EXPLICIT (constructed, wrapping the full inner TLV). The
 * tags STANDARDS.md §2.2 marked as unconfirmed (†) were checked against public sources:
 * <ul>
 *   <li>the RFC 3125 text, Annex A.1 page 21 (rfclibrary copy): module header "DEFINITIONS EXPLICIT TAGS";</li>
 *   <li>pyasn1-modules {@code rfc3125.py} (R. Housley, generated from RFC 3125 plus errata 5901/5902):
 *       {@code CommitmentType} has {@code fieldOfApplication [0]} and {@code semantics [1]};
 *       {@code CertificateTrustPoint} has {@code pathLenConstraint [0]}, {@code acceptablePolicySet [1]},
 *       {@code nameConstraints [2]}, {@code policyConstraints [3]} — all explicit; inside
 *       {@code PolicyConstraints}, {@code requireExplicitPolicy [0]} and {@code inhibitPolicyMapping [1]}
 *       are explicit too (unlike RFC 5280's implicit tags), as are {@code NameConstraints}' subtrees;</li>
 *   <li>the real ICP-Brasil AD-RB v2.1 policy (test fixture) encodes {@code mandatedCertificateInfo} as
 *       {@code A1 03 0A 01 01}, i.e. {@code [1] EXPLICIT ENUMERATED}, consistent with the above.</li>
 * </ul>
 * All † tags are therefore as STANDARDS.md lists them, and explicit. GeneralNames (policyIssuerName)
 * keep their own PKIX implicit tagging, since that type is imported from PKIX1Implicit88.
 *
 * <p>Not covered here: ETSI TS 119 172-3's newer ASN.1 policy format ({@code ETSI-SigPolicy-ASN1},
 * a different structure with {@code SignaturePolicy ::= SEQUENCE { digest, policyComponents }}).
 */
package dev.vellum.policy.der;
