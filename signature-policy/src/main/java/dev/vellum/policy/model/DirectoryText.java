package dev.vellum.policy.model;

/** An X.520 DirectoryString: the text and which string type carried it (needed to re-encode losslessly). */
public record DirectoryText(String text, Type type) {
    /** The CHOICE alternatives of DirectoryString. */
    public enum Type { UTF8_STRING, PRINTABLE_STRING, TELETEX_STRING, UNIVERSAL_STRING, BMP_STRING }

    public DirectoryText {
        Fields.required(text, "DirectoryString");
        Fields.required(type, "DirectoryString type");
    }

    public static DirectoryText utf8(String text) {
        return new DirectoryText(text, Type.UTF8_STRING);
    }
}
