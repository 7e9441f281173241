package dev.vellum.timestamping;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Provider;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.jcajce.provider.asymmetric.ec.BCECPublicKey;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The one Bouncy Castle JCA provider instance Vellum uses. It is passed explicitly to JCA
 * builders instead of being installed globally, so we do not change other code's provider order.
 */
public final class BouncyCastle {
    private static final Provider PROVIDER = new BouncyCastleProvider();

    private BouncyCastle() {
    }

    public static Provider provider() {
        return PROVIDER;
    }

    /**
     * The key to hand to this provider: an EC key from the JDK's certificate parser is re-read by BC
     * from its SubjectPublicKeyInfo, so that BC takes its named curve's parameters instead of proving
     * the field prime again with Miller-Rabin (a tenth of a one-file {@code vellum validate}). The same
     * key; any other key, or one BC cannot read, is returned as it is.
     */
    public static PublicKey nativeKey(PublicKey key) {
        if (!(key instanceof ECPublicKey) || key instanceof BCECPublicKey) {
            return key;
        }
        try {
            return KeyFactory.getInstance("EC", PROVIDER).generatePublic(new X509EncodedKeySpec(key.getEncoded()));
        } catch (GeneralSecurityException | RuntimeException e) {
            return key;
        }
    }
}
