package dev.vellum.formats.cms;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** The one Bouncy Castle provider instance this module uses; it is not installed JVM-wide. */
public final class Bc {
    public static final Provider PROVIDER = new BouncyCastleProvider();

    private Bc() {
    }
}
