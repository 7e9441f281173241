package dev.vellum.reports.pdf;

import dev.vellum.validation.Indication;
import dev.vellum.validation.SubIndication;
import dev.vellum.validation.report.CertificateReport;
import dev.vellum.validation.report.SignatureReport;
import dev.vellum.validation.report.TimestampReport;
import dev.vellum.validation.revocation.RevocationStatus;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Optional;

/**
 * The verdict in plain words for the banner: what a person needs to know first, then the ETSI
 * indication for those who check. Each sentence follows from the indication, the sub-indication and
 * the evidence in the report — never from anything else.
 */
public final class Verdicts {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Verdicts() {
    }

    /** The banner's headline, e.g. "Valid at the time of signing, proven by an archive timestamp of 2026-11-22". */
    public static String headline(SignatureReport s) {
        if (s.indication() == Indication.TOTAL_PASSED) {
            Optional<TimestampReport> archive = newestPassed(s, "ARCHIVE");
            if (archive.isPresent()) {
                return "Valid at the time of signing, proven by an archive timestamp of " + day(archive.get().genTime());
            }
            Optional<TimestampReport> signature = newestPassed(s, "SIGNATURE");
            if (signature.isPresent()) {
                return "Valid, proven to exist by a signature timestamp of " + day(signature.get().genTime());
            }
            return "Valid at the validation time";
        }
        SubIndication sub = s.subIndication();
        if (s.indication() == Indication.TOTAL_FAILED) {
            return "Not valid: " + (sub == null ? "the signature failed validation" : switch (sub) {
                case HASH_FAILURE -> "the message was changed after it was signed";
                case SIG_CRYPTO_FAILURE -> "the signature value does not match the signer's key";
                case FORMAT_FAILURE -> "the signature cannot be read";
                case REVOKED -> "signed after the signer's certificate was revoked" + revokedOn(s);
                case EXPIRED -> "signed after the signer's certificate expired";
                case NOT_YET_VALID -> "signed before the signer's certificate was valid";
                default -> sub.meaning();
            });
        }
        return "Cannot be confirmed: " + (sub == null ? "the validation could not conclude" : switch (sub) {
            case REVOKED_NO_POE -> "the signer's certificate was revoked" + revokedOn(s)
                    + " and nothing proves the signature is older";
            case REVOKED_CA_NO_POE -> "a CA certificate was revoked and nothing proves the signature is older";
            case NO_CERTIFICATE_CHAIN_FOUND -> "the signer's certificate does not lead to a trusted root";
            case OUT_OF_BOUNDS_NO_POE, OUT_OF_BOUNDS_NOT_REVOKED ->
                    "the signer's certificate has expired and nothing proves when the signature was made";
            case CRYPTO_CONSTRAINTS_FAILURE_NO_POE -> "its algorithms are no longer considered secure and nothing proves "
                    + "the signature existed before";
            case TRY_LATER -> "fresh revocation information is not available yet";
            case SIGNED_DATA_NOT_FOUND -> "the signed content is missing";
            default -> sub.meaning();
        });
    }

    /** The second line: indication, sub-indication and level, in ETSI words. */
    public static String technical(SignatureReport s) {
        return s.indication().name() + (s.subIndication() == null ? "" : " / " + s.subIndication().name())
                + (s.level() == null ? "" : "  ·  " + s.level()) + (s.legacyForm() == null ? "" : " (" + s.legacyForm() + ")");
    }

    static Optional<TimestampReport> newestPassed(SignatureReport s, String type) {
        return s.timestamps().stream().filter(t -> type.equals(t.type()) && t.genTime() != null
                        && t.indication() != null && t.indication().isPassed())
                .max(Comparator.comparing(TimestampReport::genTime));
    }

    private static String revokedOn(SignatureReport s) {
        return s.chain().stream().filter(c -> c.revocationStatus() == RevocationStatus.REVOKED && c.revocationTime() != null)
                .map(CertificateReport::revocationTime).findFirst().map(t -> " on " + day(t)).orElse("");
    }

    public static String day(Instant t) {
        return t == null ? "—" : DAY.format(t);
    }

    public static String minute(Instant t) {
        return t == null ? "—" : MINUTE.format(t);
    }

    public static String second(Instant t) {
        return t == null ? "—" : SECOND.format(t);
    }
}
