package dev.vellum.formats.timestamp;

import dev.vellum.formats.ValidationData;
import dev.vellum.formats.cms.CadesOids;
import dev.vellum.formats.cms.Material;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;

/** Decoding of time-stamp tokens held in attributes, and of the material they carry. */
public final class Tokens {
    private Tokens() {
    }

    /** Decodes an attribute value holding a TimeStampToken; throws IllegalArgumentException when it is none. */
    public static TimeStampToken parse(ASN1Encodable value) {
        try {
            return new TimeStampToken(ContentInfo.getInstance(value));
        } catch (TSPException | IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a time-stamp token: " + e.getMessage(), e);
        }
    }

    /** The token's SignedData content (for its certificates/crls as stored). */
    public static SignedData signedData(TimeStampToken token) {
        return SignedData.getInstance(token.toCMSSignedData().toASN1Structure().getContent());
    }

    /** Certificates, CRLs and OCSP responses inside a token: its SignedData and its SignerInfo's unsigned attributes. */
    public static ValidationData material(TimeStampToken token) {
        return material(token, dev.vellum.formats.cms.StoredElements.NONE);
    }

    /**
     * As {@link #material(TimeStampToken)}, with the token's certificates and revocation choices taken
     * from {@code stored} (sliced from the token's bytes as stored) where it holds their DER.
     */
    public static ValidationData material(TimeStampToken token, dev.vellum.formats.cms.StoredElements stored) {
        SignedData sd = signedData(token);
        ValidationData data = Material.fromSignedData(list(sd.getCertificates()), list(sd.getCRLs()), stored);
        if (token.getUnsignedAttributes() != null) {
            for (Attribute a : token.getUnsignedAttributes().toASN1Structure().getAttributes()) {
                try {
                    if (a.getAttrType().equals(CadesOids.CERTIFICATE_VALUES)) {
                        for (ASN1Encodable v : a.getAttrValues()) {
                            data = data.plus(new ValidationData(Material.certificateValues(v), List.of(), List.of()));
                        }
                    } else if (a.getAttrType().equals(CadesOids.REVOCATION_VALUES)) {
                        for (ASN1Encodable v : a.getAttrValues()) {
                            data = data.plus(Material.revocationValues(v));
                        }
                    }
                } catch (RuntimeException ignored) {
                    // unreadable material inside a token is simply not offered
                }
            }
        }
        return data;
    }

    public static List<ASN1Encodable> list(ASN1Set set) {
        List<ASN1Encodable> out = new ArrayList<>();
        if (set != null) {
            for (ASN1Encodable e : set) {
                out.add(e);
            }
        }
        return out;
    }
}
