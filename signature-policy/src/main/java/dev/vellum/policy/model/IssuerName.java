package dev.vellum.policy.model;

/**
 * One GeneralName of the policy issuer. {@code value} is the readable form (URI, e-mail, DNS name,
 * RFC 4514 DN, dotted OID, or hex for forms without a text rendering). {@code encoding} is the DER
 * of the whole GeneralName, kept only when it cannot be regenerated from {@code kind} and
 * {@code value} (e.g. a DN whose attributes used PrintableString); null otherwise.
 */
public record IssuerName(Kind kind, String value, Bytes encoding) {
    /** The GeneralName alternatives (RFC 5280 §4.2.1.6), by context tag number. */
    public enum Kind {
        OTHER_NAME(0), RFC822_NAME(1), DNS_NAME(2), X400_ADDRESS(3), DIRECTORY_NAME(4),
        EDI_PARTY_NAME(5), URI(6), IP_ADDRESS(7), REGISTERED_ID(8);

        private final int tag;

        Kind(int tag) {
            this.tag = tag;
        }

        public int tag() {
            return tag;
        }

        public static Kind ofTag(int tag) {
            for (Kind k : values()) {
                if (k.tag == tag) {
                    return k;
                }
            }
            throw new dev.vellum.policy.PolicyException("GeneralName has an unknown tag [" + tag + "]");
        }
    }

    public IssuerName {
        Fields.required(kind, "GeneralName kind");
        Fields.required(value, "GeneralName value");
    }

    public static IssuerName of(Kind kind, String value) {
        return new IssuerName(kind, value, null);
    }
}
