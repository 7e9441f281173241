package dev.vellum.formats;

import java.io.IOException;
import java.util.Arrays;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.OCSPResponse;
import org.bouncycastle.asn1.ocsp.OCSPResponseStatus;
import org.bouncycastle.asn1.ocsp.ResponseBytes;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPResp;

/**
 * One OCSP response, kept as the full DER {@code OCSPResponse} (RFC 6960) — the form
 * id-ri-ocsp-response embeds (RFC 5940) — with the BasicOCSPResponse inside it.
 */
public final class OcspResponseData {
    private final byte[] encoded;
    private final BasicOCSPResp basic;
    /** The DER BasicOCSPResponse, encoded once: equality, hashing and ATS hash inputs use it. */
    private final byte[] basicEncoded;
    private final int hash;

    private OcspResponseData(byte[] encoded, BasicOCSPResp basic) throws IOException {
        this.encoded = encoded;
        this.basic = basic;
        this.basicEncoded = basic.getEncoded();
        this.hash = Arrays.hashCode(basicEncoded);
    }

    /**
     * Decoded responses by their DER: the same responses recur in every signature of a batch from
     * one CA, and the object is immutable. Bounded; only readable responses are kept.
     */
    private static final int MAX_DECODED = 2_000;
    private static final java.util.concurrent.ConcurrentHashMap<dev.vellum.formats.cms.DerBytes, OcspResponseData> DECODED =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** From a DER OCSPResponse; it must be successful and basic. */
    public static OcspResponseData fromOcspResponse(byte[] der) {
        OcspResponseData known = DECODED.get(new dev.vellum.formats.cms.DerBytes(der));
        if (known != null) {
            return known;
        }
        OcspResponseData decoded = decode(der);
        if (DECODED.size() >= MAX_DECODED) {
            DECODED.clear();
        }
        DECODED.putIfAbsent(new dev.vellum.formats.cms.DerBytes(der.clone()), decoded);
        return decoded;
    }

    private static OcspResponseData decode(byte[] der) {
        try {
            OCSPResp resp = new OCSPResp(der);
            if (resp.getStatus() != OCSPResp.SUCCESSFUL) {
                throw new SignatureFormatException("OCSP response status is " + resp.getStatus() + ", not successful");
            }
            Object o = resp.getResponseObject();
            if (!(o instanceof BasicOCSPResp b)) {
                throw new SignatureFormatException("OCSP response is not a basic response");
            }
            return new OcspResponseData(resp.getEncoded(), b);
        } catch (IOException | OCSPException | RuntimeException e) {
            if (e instanceof SignatureFormatException s) {
                throw s;
            }
            throw new SignatureFormatException("not a readable OCSP response: " + e.getMessage(), e);
        }
    }

    /** From a DER BasicOCSPResponse (as in revocation-values ocspVals), wrapped in a successful OCSPResponse. */
    public static OcspResponseData fromBasicResponse(byte[] der) {
        try {
            OCSPResponse full = new OCSPResponse(new OCSPResponseStatus(OCSPResponseStatus.SUCCESSFUL),
                    new ResponseBytes(OCSPObjectIdentifiers.id_pkix_ocsp_basic, new DEROctetString(der)));
            return fromOcspResponse(full.getEncoded());
        } catch (IOException e) {
            throw new SignatureFormatException("not a readable basic OCSP response: " + e.getMessage(), e);
        }
    }

    /** The DER OCSPResponse. */
    public byte[] encoded() {
        return encoded.clone();
    }

    /** The DER BasicOCSPResponse. */
    public byte[] basicEncoded() {
        return basicEncoded.clone();
    }

    public BasicOCSPResp basic() {
        return basic;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OcspResponseData other && other.hash == hash && Arrays.equals(basicEncoded, other.basicEncoded);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "OCSP response produced " + basic.getProducedAt().toInstant();
    }
}
