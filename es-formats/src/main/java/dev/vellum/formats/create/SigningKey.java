package dev.vellum.formats.create;

import dev.vellum.formats.SignatureFormatException;
import java.io.ByteArrayInputStream;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A private key with its certificate chain (signer first). From a PKCS#12 file or any JCA key —
 * including keys held in an HSM, whose {@code provider} then does the signing.
 *
 * @param provider the JCA provider that can use {@code privateKey}; empty for software keys
 */
public record SigningKey(PrivateKey privateKey, List<X509Certificate> chain, Optional<Provider> provider) {

    public SigningKey {
        if (privateKey == null || chain == null || chain.isEmpty()) {
            throw new SignatureFormatException("a signing key needs a private key and at least its certificate");
        }
        chain = List.copyOf(chain);
    }

    public static SigningKey of(PrivateKey privateKey, List<X509Certificate> chain) {
        return new SigningKey(privateKey, chain, Optional.empty());
    }

    /** The first private-key entry of a PKCS#12 file. */
    public static SigningKey fromPkcs12(byte[] pkcs12, char[] password) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(new ByteArrayInputStream(pkcs12), password);
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(alias)) {
                    PrivateKey key = (PrivateKey) ks.getKey(alias, password);
                    List<X509Certificate> chain = new ArrayList<>();
                    Certificate[] certs = ks.getCertificateChain(alias);
                    if (certs != null) {
                        for (Certificate c : certs) {
                            chain.add((X509Certificate) c);
                        }
                    }
                    if (chain.isEmpty()) {
                        throw new SignatureFormatException("PKCS#12 entry '" + alias + "' has no certificate");
                    }
                    return of(key, chain);
                }
            }
            throw new SignatureFormatException("PKCS#12 file holds no private key");
        } catch (SignatureFormatException e) {
            throw e;
        } catch (Exception e) {
            throw new SignatureFormatException("cannot open PKCS#12 file (wrong password or not PKCS#12?): "
                    + e.getMessage(), e);
        }
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }
}
