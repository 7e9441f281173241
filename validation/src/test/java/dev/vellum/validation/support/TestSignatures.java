package dev.vellum.validation.support;

import dev.vellum.testkit.pki.Credential;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * CAdES-B signatures made directly with Bouncy Castle, for tests that must not depend on es-formats:
 * content-type, signing-time, message-digest and ESS signing-certificate-v2 signed.
 */
public final class TestSignatures {

    private TestSignatures() {
    }

    /** A detached signature over {@code content} at {@code signingTime}, carrying {@code certificates}. */
    public static byte[] cadesB(Credential signer, byte[] content, Instant signingTime, List<X509Certificate> certificates) {
        return cadesB(signer, signer.signatureAlgorithm(), content, signingTime, certificates, false);
    }

    public static byte[] cadesB(Credential signer, String signatureAlgorithm, byte[] content, Instant signingTime,
                                List<X509Certificate> certificates, boolean encapsulate) {
        try {
            ASN1EncodableVector signed = new ASN1EncodableVector();
            signed.add(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(signingTime)))));
            byte[] certHash = MessageDigest.getInstance("SHA-256").digest(signer.certificate().getEncoded());
            signed.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {new ESSCertIDv2(certHash)}))));
            CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
            gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(signed)))
                    .build(new JcaContentSignerBuilder(signatureAlgorithm).build(signer.privateKey()), signer.certificate()));
            gen.addCertificates(new JcaCertStore(certificates));
            return gen.generate(new CMSProcessableByteArray(content), encapsulate).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException("cannot make a test signature", e);
        }
    }

    /**
     * A detached signature with exactly the given signed attributes (content-type and
     * message-digest are added by Bouncy Castle), carrying {@code certificates}.
     */
    public static byte[] withSignedAttributes(Credential signer, byte[] content, List<Attribute> attributes,
                                              List<X509Certificate> certificates) {
        try {
            ASN1EncodableVector signed = new ASN1EncodableVector();
            attributes.forEach(signed::add);
            CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
            gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(signed)) {
                        @Override
                        protected java.util.Hashtable createStandardAttributeTable(java.util.Map parameters) {
                            java.util.Hashtable table = super.createStandardAttributeTable(parameters);
                            if (attributes.stream().noneMatch(a -> a.getAttrType().equals(CMSAttributes.signingTime))) {
                                table.remove(CMSAttributes.signingTime);
                            }
                            table.remove(CMSAttributes.cmsAlgorithmProtect);
                            return table;
                        }
                    })
                    .build(new JcaContentSignerBuilder(signer.signatureAlgorithm()).build(signer.privateKey()), signer.certificate()));
            gen.addCertificates(new JcaCertStore(certificates));
            return gen.generate(new CMSProcessableByteArray(content), false).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException("cannot make a test signature", e);
        }
    }

    /** An ESS signing-certificate-v2 attribute referencing each certificate (SHA-256). */
    public static Attribute signingCertificateV2(List<X509Certificate> certificates) {
        try {
            ESSCertIDv2[] ids = new ESSCertIDv2[certificates.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = new ESSCertIDv2(MessageDigest.getInstance("SHA-256").digest(certificates.get(i).getEncoded()));
            }
            return new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2, new DERSet(new SigningCertificateV2(ids)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static Attribute signingTime(Instant time) {
        return new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(time))));
    }

    /** The signature value of the first SignerInfo: what a signature time-stamp covers. */
    public static byte[] signatureValue(byte[] cms) {
        try {
            return new CMSSignedData(cms).getSignerInfos().getSigners().iterator().next().getSignature();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The signature with {@code token} added as a signature-time-stamp unsigned attribute. */
    public static byte[] withSignatureTimestamp(byte[] cms, TimeStampToken token) {
        try {
            CMSSignedData data = new CMSSignedData(cms);
            List<SignerInformation> signers = new ArrayList<>();
            for (SignerInformation s : data.getSignerInfos().getSigners()) {
                AttributeTable unsigned = s.getUnsignedAttributes() == null ? new AttributeTable(new ASN1EncodableVector())
                        : s.getUnsignedAttributes();
                unsigned = unsigned.add(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                        token.toCMSSignedData().toASN1Structure());
                signers.add(SignerInformation.replaceUnsignedAttributes(s, unsigned));
            }
            return CMSSignedData.replaceSigners(data, new SignerInformationStore(signers)).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
