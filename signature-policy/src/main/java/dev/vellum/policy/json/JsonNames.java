package dev.vellum.policy.json;

import dev.vellum.policy.PolicyException;
import dev.vellum.policy.model.DirectoryText;
import dev.vellum.policy.model.IssuerName;

/** The JSON spellings of GeneralName forms and DirectoryString types (their ASN.1 identifiers). */
final class JsonNames {
    private JsonNames() {
    }

    static String generalName(IssuerName.Kind kind) {
        return switch (kind) {
            case OTHER_NAME -> "otherName";
            case RFC822_NAME -> "rfc822Name";
            case DNS_NAME -> "dNSName";
            case X400_ADDRESS -> "x400Address";
            case DIRECTORY_NAME -> "directoryName";
            case EDI_PARTY_NAME -> "ediPartyName";
            case URI -> "uri";
            case IP_ADDRESS -> "iPAddress";
            case REGISTERED_ID -> "registeredID";
        };
    }

    static String directoryStringType(DirectoryText.Type type) {
        return switch (type) {
            case UTF8_STRING -> "utf8String";
            case PRINTABLE_STRING -> "printableString";
            case TELETEX_STRING -> "teletexString";
            case UNIVERSAL_STRING -> "universalString";
            case BMP_STRING -> "bmpString";
        };
    }

    static DirectoryText.Type directoryStringType(String name) {
        for (DirectoryText.Type t : DirectoryText.Type.values()) {
            if (directoryStringType(t).equals(name)) {
                return t;
            }
        }
        throw new PolicyException("unknown DirectoryString type \"" + name
                + "\"; expected utf8String, printableString, teletexString, universalString or bmpString");
    }
}
