package dev.vellum.validation.process;

import dev.vellum.validation.crypto.Suitability;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Output of the validation process for basic signatures (EN 319 102-1 §5.3).
 *
 * @param conclusion the process's indication
 * @param signer the signing certificate, when identified
 * @param chain the X.509 validation of the signer's chain, when it ran
 * @param signatureSuitability what the crypto policy says of the signature's algorithms
 * @param contentTimestamps the content time-stamps validated along the way
 */
public record BasicResult(Conclusion conclusion, X509Certificate signer, ChainValidation chain,
                          Suitability signatureSuitability, List<TimestampOutcome> contentTimestamps) {

    public BasicResult {
        contentTimestamps = List.copyOf(contentTimestamps);
    }
}
