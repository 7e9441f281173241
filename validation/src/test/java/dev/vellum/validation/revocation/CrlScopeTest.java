package dev.vellum.validation.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vellum.testkit.pki.Credential;
import dev.vellum.testkit.pki.KeyType;
import dev.vellum.testkit.pki.TestPki;
import dev.vellum.testkit.time.MutableClock;
import dev.vellum.validation.data.Origin;
import dev.vellum.validation.data.ValidationMaterial;
import dev.vellum.validation.fetch.Fetcher;
import dev.vellum.validation.x509.SignatureCheckCache;
import java.math.BigInteger;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1Enumerated;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuingDistributionPoint;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * RFC 5280 CRL scope, with CRLs made here by Bouncy Castle: issuingDistributionPoint restrictions
 * (§5.2.5), indirect CRLs with certificateIssuer entries (§5.3.3, §6.3.3 b 1), and the delta CRL
 * conditions of §5.2.4 (base number, same scope).
 */
class CrlScopeTest {

    MutableClock clock;
    TestPki pki;
    Credential signer;
    RevocationChecker checker;
    List<String> problems;
    Instant now;

    @BeforeEach
    void pki() {
        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock = MutableClock.at(now);
        pki = TestPki.builder().clock(clock).build();
        signer = pki.signer(KeyType.ECDSA_P256);
        checker = new RevocationChecker(Fetcher.offline(), new SignatureCheckCache(), new CrlCache());
        problems = new ArrayList<>();
    }

    @AfterEach
    void close() {
        pki.close();
    }

    /** One CRL entry: serial, optional certificateIssuer extension. */
    record Entry(BigInteger serial, X509Certificate certificateIssuer) {
    }

    X509CRL crl(Credential issuer, IssuingDistributionPoint idp, BigInteger number, BigInteger deltaBase, Entry... entries)
            throws Exception {
        X509v2CRLBuilder b = new X509v2CRLBuilder(X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded()),
                Date.from(deltaBase == null ? now : now.plusSeconds(60)));
        b.setNextUpdate(Date.from(now.plus(Duration.ofDays(7))));
        for (Entry e : entries) {
            ExtensionsGenerator ext = new ExtensionsGenerator();
            ext.addExtension(Extension.reasonCode, false, new ASN1Enumerated(CRLReason.keyCompromise));
            if (e.certificateIssuer() != null) {
                ext.addExtension(Extension.certificateIssuer, true, new GeneralNames(new GeneralName(
                        X500Name.getInstance(e.certificateIssuer().getSubjectX500Principal().getEncoded()))));
            }
            b.addCRLEntry(e.serial(), Date.from(now.minus(Duration.ofHours(1))), ext.generate());
        }
        b.addExtension(Extension.cRLNumber, false, new CRLNumber(number));
        if (deltaBase != null) {
            b.addExtension(Extension.deltaCRLIndicator, true, new CRLNumber(deltaBase));
        }
        if (idp != null) {
            b.addExtension(Extension.issuingDistributionPoint, true, idp);
        }
        return new JcaX509CRLConverter().getCRL(b.build(new JcaContentSignerBuilder(issuer.signatureAlgorithm())
                .build(issuer.privateKey())));
    }

    static IssuingDistributionPoint only(boolean userCerts, boolean caCerts) {
        return new IssuingDistributionPoint(null, userCerts, caCerts, null, false, false);
    }

    List<RevocationData> find(X509Certificate cert, X509Certificate issuer, List<X509Certificate> pool, X509CRL... crls)
            throws Exception {
        List<byte[]> der = new ArrayList<>();
        for (X509CRL c : crls) {
            der.add(c.getEncoded());
        }
        return checker.find(cert, issuer, ValidationMaterial.of(Origin.SUPPLIED, List.of(), der, List.of()), pool, now,
                problems::add);
    }

    @Test
    void aCrlOfCaCertificatesOnlySaysNothingAboutAnEndEntity() throws Exception {
        X509CRL caOnly = crl(pki.intermediate(), only(false, true), BigInteger.ONE, null, new Entry(signer.serialNumber(), null));

        assertThat(find(signer.certificate(), pki.intermediate().certificate(), List.of(), caOnly)).isEmpty();
        assertThat(problems).anyMatch(p -> p.contains("onlyContainsCACerts"));
    }

    @Test
    void aCrlOfUserCertificatesOnlyCountsForEndEntitiesButNotForCas() throws Exception {
        X509CRL userOnly = crl(pki.intermediate(), only(true, false), BigInteger.ONE, null, new Entry(signer.serialNumber(), null));
        assertThat(find(signer.certificate(), pki.intermediate().certificate(), List.of(), userOnly)).singleElement()
                .satisfies(d -> assertThat(d.status()).isEqualTo(RevocationStatus.REVOKED));

        X509CRL rootUserOnly = crl(pki.root(), only(true, false), BigInteger.ONE, null);
        assertThat(find(pki.intermediate().certificate(), pki.root().certificate(), List.of(), rootUserOnly)).isEmpty();
        assertThat(problems).anyMatch(p -> p.contains("onlyContainsUserCerts"));
    }

    @Test
    void anIndirectCrlSpeaksForTheIssuerEachEntryNames() throws Exception {
        Credential crlIssuer = pki.issue("crl-issuer").issuer(pki.intermediate())
                .keyUsage(KeyUsage.cRLSign | KeyUsage.digitalSignature).build();
        X500Name crlIssuerName = X500Name.getInstance(crlIssuer.certificate().getSubjectX500Principal().getEncoded());
        CRLDistPoint namesCrlIssuer = new CRLDistPoint(new DistributionPoint[] {new DistributionPoint(
                new DistributionPointName(new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier,
                        "http://crl.example.test/indirect.crl"))), null, new GeneralNames(new GeneralName(crlIssuerName)))});
        Credential revoked = pki.issue("indirectly-revoked").issuer(pki.intermediate())
                .extension(Extension.cRLDistributionPoints, false, namesCrlIssuer).build();
        Credential stillGood = pki.issue("indirectly-good").issuer(pki.intermediate())
                .extension(Extension.cRLDistributionPoints, false, namesCrlIssuer).build();
        IssuingDistributionPoint indirect = new IssuingDistributionPoint(null, false, false, null, true, false);
        // The first entry is about the root's certificate with stillGood's serial; the second names
        // the intermediate again, so it is about `revoked`.
        X509CRL crl = crl(crlIssuer, indirect, BigInteger.TEN, null,
                new Entry(stillGood.serialNumber(), pki.root().certificate()),
                new Entry(revoked.serialNumber(), pki.intermediate().certificate()));
        List<X509Certificate> pool = List.of(crlIssuer.certificate());

        assertThat(find(revoked.certificate(), pki.intermediate().certificate(), pool, crl)).singleElement().satisfies(d -> {
            assertThat(d.status()).isEqualTo(RevocationStatus.REVOKED);
            assertThat(d.reason()).isEqualTo("keyCompromise");
            assertThat(d.signer()).isEqualTo(crlIssuer.certificate());
        });
        assertThat(find(stillGood.certificate(), pki.intermediate().certificate(), pool, crl)).singleElement()
                .satisfies(d -> assertThat(d.status()).isEqualTo(RevocationStatus.GOOD));

        // Without the CRL issuer's certificate the CRL cannot be checked; a certificate that does not
        // name the CRL issuer in its distribution points does not take its word at all.
        assertThat(find(revoked.certificate(), pki.intermediate().certificate(), List.of(), crl)).isEmpty();
        assertThat(problems).anyMatch(p -> p.contains("indirect CRL") && p.contains("cRLSign"));
        assertThat(find(signer.certificate(), pki.intermediate().certificate(), pool, crl)).isEmpty();
    }

    @Test
    void aDeltaIsAppliedOnlyToTheBaseItNamesAndWithTheSameScope() throws Exception {
        X509CRL full = crl(pki.intermediate(), null, BigInteger.valueOf(5), null);
        X509CRL deltaOfNewerBase = crl(pki.intermediate(), null, BigInteger.valueOf(7), BigInteger.valueOf(6),
                new Entry(signer.serialNumber(), null));
        X509CRL deltaOtherScope = crl(pki.intermediate(), only(true, false), BigInteger.valueOf(7), BigInteger.valueOf(5),
                new Entry(signer.serialNumber(), null));
        X509CRL delta = crl(pki.intermediate(), null, BigInteger.valueOf(7), BigInteger.valueOf(5),
                new Entry(signer.serialNumber(), null));

        assertThat(find(signer.certificate(), pki.intermediate().certificate(), List.of(), full, deltaOfNewerBase))
                .allMatch(d -> d.status() == RevocationStatus.GOOD).isNotEmpty();
        assertThat(find(signer.certificate(), pki.intermediate().certificate(), List.of(), full, deltaOtherScope))
                .allMatch(d -> d.status() == RevocationStatus.GOOD).isNotEmpty();
        assertThat(find(signer.certificate(), pki.intermediate().certificate(), List.of(), full, delta))
                .anyMatch(d -> d.status() == RevocationStatus.REVOKED);
    }
}
