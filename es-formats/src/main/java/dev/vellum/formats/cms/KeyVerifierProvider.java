package dev.vellum.formats.cms;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.ContentVerifierProvider;

/**
 * A content-verifier provider built from a bare public key: there is no associated certificate, so
 * Bouncy Castle's CMS code does not check a signing time against one. Only {@code get} is left.
 */
@FunctionalInterface
interface KeyVerifierProvider extends ContentVerifierProvider {
    @Override
    default boolean hasAssociatedCertificate() {
        return false;
    }

    @Override
    default X509CertificateHolder getAssociatedCertificate() {
        return null;
    }
}
