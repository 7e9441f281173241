package dev.vellum.timestamping;

import java.security.Provider;
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
}
