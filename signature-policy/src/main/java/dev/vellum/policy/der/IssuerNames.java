package dev.vellum.policy.der;

import static dev.vellum.policy.der.Elements.malformed;

import dev.vellum.policy.PolicyException;
import dev.vellum.policy.model.Bytes;
import dev.vellum.policy.model.IssuerName;
import dev.vellum.policy.model.IssuerName.Kind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;

/**
 * PolicyIssuerName (GeneralNames) both ways. A name gets a readable value; its original DER is kept
 * only when the readable value would not re-encode to the same bytes (e.g. ICP-Brasil writes its DN
 * as a URI, which is fine; a DN using PrintableString for O= is not what we would write).
 */
public final class IssuerNames {
    private static final HexFormat HEX = HexFormat.of();

    private IssuerNames() {
    }

    static List<IssuerName> decode(ASN1Encodable value, String path) {
        ASN1Sequence seq = Elements.expect(value, ASN1Sequence.class, path, "GeneralNames");
        if (seq.size() == 0) {
            throw malformed(path, "GeneralNames must contain at least one name");
        }
        List<IssuerName> names = new ArrayList<>();
        for (int i = 0; i < seq.size(); i++) {
            names.add(decodeOne(seq.getObjectAt(i), path + "[" + i + "]"));
        }
        return names;
    }

    /** Decodes one GeneralName from its DER (used by the JSON reader to check a given "der"). */
    public static IssuerName decode(byte[] der, String path) {
        try {
            return decodeOne(ASN1Primitive.fromByteArray(der), path);
        } catch (IOException | RuntimeException e) {
            throw malformed(path, "not a DER GeneralName (" + e.getMessage() + ")");
        }
    }

    private static IssuerName decodeOne(ASN1Encodable element, String path) {
        if (!(element.toASN1Primitive() instanceof ASN1TaggedObject)) {
            throw malformed(path, "expected a GeneralName (context-tagged), found " + Elements.describe(element.toASN1Primitive()));
        }
        GeneralName name;
        try {
            name = GeneralName.getInstance(element);
        } catch (RuntimeException e) {
            throw malformed(path, "invalid GeneralName (" + e.getMessage() + ")");
        }
        Kind kind = Kind.ofTag(name.getTagNo());
        byte[] original = PolicyDerDecoder.der(element).toByteArray();
        String readable = readable(kind, name, original, path);
        IssuerName plain = IssuerName.of(kind, readable);
        byte[] regenerated;
        try {
            regenerated = encode(plain);
        } catch (PolicyException e) {
            regenerated = null;
        }
        return java.util.Arrays.equals(regenerated, original) ? plain : new IssuerName(kind, readable, Bytes.of(original));
    }

    private static String readable(Kind kind, GeneralName name, byte[] original, String path) {
        try {
            return switch (kind) {
                case RFC822_NAME, DNS_NAME, URI -> ASN1IA5String.getInstance(name.getName()).getString();
                case DIRECTORY_NAME -> X500Name.getInstance(name.getName()).toString();
                case REGISTERED_ID -> ASN1ObjectIdentifier.getInstance(name.getName()).getId();
                case IP_ADDRESS -> HEX.formatHex(ASN1OctetString.getInstance(name.getName()).getOctets());
                case OTHER_NAME, X400_ADDRESS, EDI_PARTY_NAME -> HEX.formatHex(original);
            };
        } catch (RuntimeException e) {
            throw malformed(path, "invalid " + kind + " (" + e.getMessage() + ")");
        }
    }

    /** The DER of one GeneralName: its kept encoding, or built from kind and readable value. */
    public static byte[] encode(IssuerName name) {
        if (name.encoding() != null) {
            return name.encoding().toByteArray();
        }
        try {
            return switch (name.kind()) {
                case RFC822_NAME, DNS_NAME, URI, REGISTERED_ID ->
                        new GeneralName(name.kind().tag(), name.value()).getEncoded(ASN1Encoding.DER);
                case DIRECTORY_NAME -> new GeneralName(new X500Name(name.value())).getEncoded(ASN1Encoding.DER);
                case IP_ADDRESS -> new GeneralName(GeneralName.iPAddress, new DEROctetString(HEX.parseHex(name.value())))
                        .getEncoded(ASN1Encoding.DER);
                case OTHER_NAME, X400_ADDRESS, EDI_PARTY_NAME -> rawGeneralName(name);
            };
        } catch (IOException | RuntimeException e) {
            throw new PolicyException("policy issuer name " + name.kind() + " \"" + name.value()
                    + "\" cannot be encoded: " + e.getMessage(), e);
        }
    }

    private static byte[] rawGeneralName(IssuerName name) throws IOException {
        byte[] der = HEX.parseHex(name.value());
        ASN1Primitive parsed = ASN1Primitive.fromByteArray(der);
        if (!(parsed instanceof ASN1TaggedObject t) || t.getTagNo() != name.kind().tag()) {
            throw new PolicyException("policy issuer name " + name.kind() + " must be the hex DER of a ["
                    + name.kind().tag() + "] GeneralName");
        }
        return der;
    }
}
