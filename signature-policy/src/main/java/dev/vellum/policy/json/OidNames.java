package dev.vellum.policy.json;

import dev.vellum.policy.HashAlgorithm;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Readable names for the OIDs a policy author writes most: CMS/CAdES attributes (RFC 5652,
 * EN 319 122-1), commitment types (1.2.840.113549.1.9.16.6.*), and signature, key and digest
 * algorithms. Anything else is written as a dotted OID.
 */
public final class OidNames {
    private static final Pattern DOTTED = Pattern.compile("[0-2](\\.(0|[1-9][0-9]*))+");
    private static final Map<String, String> BY_NAME = new LinkedHashMap<>();
    private static final Map<String, String> BY_OID = new LinkedHashMap<>();

    static {
        String smimeAa = "1.2.840.113549.1.9.16.2.";
        name("contentType", "1.2.840.113549.1.9.3");
        name("messageDigest", "1.2.840.113549.1.9.4");
        name("signingTime", "1.2.840.113549.1.9.5");
        name("countersignature", "1.2.840.113549.1.9.6");
        name("cmsAlgorithmProtection", "1.2.840.113549.1.9.52");
        name("contentHints", smimeAa + "4");
        name("contentIdentifier", smimeAa + "7");
        name("contentReference", smimeAa + "10");
        name("signingCertificate", smimeAa + "12");
        name("signatureTimeStamp", smimeAa + "14");
        name("signaturePolicyIdentifier", smimeAa + "15");
        name("commitmentTypeIndication", smimeAa + "16");
        name("signerLocation", smimeAa + "17");
        name("signerAttributes", smimeAa + "18");
        name("contentTimeStamp", smimeAa + "20");
        name("completeCertificateReferences", smimeAa + "21");
        name("completeRevocationReferences", smimeAa + "22");
        name("certificateValues", smimeAa + "23");
        name("revocationValues", smimeAa + "24");
        name("escTimeStamp", smimeAa + "25");
        name("timeStampedCertsCrlsReferences", smimeAa + "26");
        name("signingCertificateV2", smimeAa + "47");
        name("archiveTimeStampV2", smimeAa + "48");
        name("mimeType", "0.4.0.1733.2.1");
        name("archiveTimeStampV3", "0.4.0.1733.2.4");
        name("signerAttributesV2", "0.4.0.19122.1.1");
        name("signaturePolicyStore", "0.4.0.19122.1.3");
        String cti = "1.2.840.113549.1.9.16.6.";
        name("proofOfOrigin", cti + "1");
        name("proofOfReceipt", cti + "2");
        name("proofOfDelivery", cti + "3");
        name("proofOfSender", cti + "4");
        name("proofOfApproval", cti + "5");
        name("proofOfCreation", cti + "6");
        name("rsaEncryption", "1.2.840.113549.1.1.1");
        name("sha1WithRSAEncryption", "1.2.840.113549.1.1.5");
        name("rsassaPss", "1.2.840.113549.1.1.10");
        name("sha256WithRSAEncryption", "1.2.840.113549.1.1.11");
        name("sha384WithRSAEncryption", "1.2.840.113549.1.1.12");
        name("sha512WithRSAEncryption", "1.2.840.113549.1.1.13");
        name("sha224WithRSAEncryption", "1.2.840.113549.1.1.14");
        name("ecPublicKey", "1.2.840.10045.2.1");
        name("ecdsaWithSHA256", "1.2.840.10045.4.3.2");
        name("ecdsaWithSHA384", "1.2.840.10045.4.3.3");
        name("ecdsaWithSHA512", "1.2.840.10045.4.3.4");
        name("ed25519", "1.3.101.112");
        name("ed448", "1.3.101.113");
        for (HashAlgorithm h : HashAlgorithm.values()) {
            name(h.jcaName(), h.oid());
        }
    }

    private OidNames() {
    }

    private static void name(String name, String oid) {
        BY_NAME.put(name, oid);
        BY_OID.put(oid, name);
    }

    /** The readable name of an OID, or the OID itself. */
    public static String nameOf(String oid) {
        return BY_OID.getOrDefault(oid, oid);
    }

    /** The OID for a name or dotted OID; null when it is neither. */
    public static String oidOf(String nameOrOid) {
        String known = BY_NAME.get(nameOrOid);
        if (known != null) {
            return known;
        }
        return DOTTED.matcher(nameOrOid).matches() ? nameOrOid : null;
    }

    static Iterable<String> names() {
        return BY_NAME.keySet();
    }
}
