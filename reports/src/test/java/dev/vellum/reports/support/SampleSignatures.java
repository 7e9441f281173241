package dev.vellum.reports.support;

import dev.vellum.formats.SignedDocumentReader;
import dev.vellum.formats.create.CadesSigner;
import dev.vellum.formats.create.SigningKey;
import dev.vellum.formats.create.SmimeMessageWriter;
import dev.vellum.formats.extend.CadesExtender;
import dev.vellum.formats.extend.ExtensionTarget;
import dev.vellum.reports.mail.MessageHeaders;
import dev.vellum.reports.model.HistoryEntry;
import dev.vellum.reports.model.ItemReport;
import dev.vellum.testkit.pki.Credential;
import dev.vellum.testkit.pki.KeyType;
import dev.vellum.testkit.pki.TestPki;
import dev.vellum.testkit.time.MutableClock;
import dev.vellum.timestamping.http.HttpTimestampClient;
import dev.vellum.validation.SignatureValidator;
import dev.vellum.validation.ValidationRequest;
import dev.vellum.validation.data.ValidationDataCollector;
import dev.vellum.validation.data.ValidationMaterial;
import dev.vellum.validation.fetch.FetchSettings;
import dev.vellum.validation.report.ValidationReport;
import dev.vellum.validation.trust.TrustAnchors;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Real signed mail, made with es-formats against a testkit PKI whose clock moves through the years,
 * validated by the validation module: the three cases the sample reports show. Built once per JVM
 * ({@link #get()}); about two seconds.
 *
 * <ul>
 *   <li>{@link #validLta()}: signed 2024-11-20 and time-stamped, upgraded to B-LTA on 2025-11-22,
 *       archive time-stamp renewed on 2026-11-22, validated on 2027-03-01 — after the signer's
 *       certificate expired, so only the archive time-stamps prove it.</li>
 *   <li>{@link #revoked()}: signed and time-stamped after the signer's certificate was revoked.</li>
 *   <li>{@link #tampered()}: one word of the body changed after signing.</li>
 * </ul>
 */
public final class SampleSignatures {

    public static final Instant CREATED = Instant.parse("2024-11-20T08:00:00Z");
    public static final Instant SIGNED = Instant.parse("2024-11-20T10:15:00Z");
    public static final Instant LTA_UPGRADE = Instant.parse("2025-11-22T02:00:00Z");
    public static final Instant LTA_RENEWAL = Instant.parse("2026-11-22T02:00:00Z");
    public static final Instant VALIDATED = Instant.parse("2027-03-01T09:00:00Z");

    /** A signer whose name needs more than Latin-1. */
    public static final String SIGNER_NAME = "Zoë Öztürk-Čapek";
    public static final String SUBJECT = "Договор Ж-17 / 合同 — signed minutes";

    private static volatile SampleSignatures instance;

    private final byte[] ltaMessage;
    private final ItemReport validLta;
    private final ItemReport revoked;
    private final ItemReport tampered;

    public static SampleSignatures get() {
        SampleSignatures s = instance;
        if (s == null) {
            synchronized (SampleSignatures.class) {
                s = instance;
                if (s == null) {
                    s = new SampleSignatures();
                    instance = s;
                }
            }
        }
        return s;
    }

    private SampleSignatures() {
        MutableClock clock = MutableClock.at(CREATED);
        try (TestPki pki = TestPki.builder().clock(clock).tsaKeyType(KeyType.ECDSA_P256).label("reports").build()) {
            Credential zoe = pki.issue("zoe").subject("CN=" + SIGNER_NAME + ", O=Vellum Records Office, C=AT")
                    .email("zoe@records.example").build();
            HttpTimestampClient tsa = HttpTimestampClient.builder(pki.services().tsaUrl())
                    .verifier(dev.vellum.timestamping.verify.TokenVerifier.builder().clock(clock).build()).build();
            SignatureValidator online = SignatureValidator.builder().trustAnchors(TrustAnchors.of(pki.trustAnchors()))
                    .clock(clock).fetchSettings(FetchSettings.builder().allowHost("127.0.0.1").build()).build();
            CadesExtender extender = CadesExtender.builder().timestampSource(tsa).clock(clock)
                    .validationDataSource(new ValidationDataCollector(online.services(), ValidationMaterial.empty()))
                    .build();

            // valid LTA mail
            clock.set(SIGNED);
            byte[] t = extender.extend(new SignedDocumentReader().read(smime(zoe, clock, SUBJECT,
                    "Dear records office,\n\nthe minutes of 19 November are attached in this message.\n\nZoë\n", 17)),
                    ExtensionTarget.T).output();
            clock.set(LTA_UPGRADE);
            byte[] lta = extender.extend(new SignedDocumentReader().read(t), ExtensionTarget.LTA).output();
            clock.set(LTA_RENEWAL);
            ltaMessage = extender.extend(new SignedDocumentReader().read(lta), ExtensionTarget.LTA).output();

            // revoked signer: signed and time-stamped after the revocation
            clock.set(SIGNED.plusSeconds(3600));
            Credential mallory = pki.revokedSigner();
            byte[] revokedMessage = extender.extend(new SignedDocumentReader().read(smime(mallory, clock,
                    "Payment instruction 2001", "Please pay 9,999 EUR to account 42.\n\nMallory\n", 18)),
                    ExtensionTarget.T).output();
            // tampered: one word of the signed body changed afterwards
            byte[] good = extender.extend(new SignedDocumentReader().read(smime(zoe, clock, "Payment of 100 EUR confirmed",
                    "The payment of 100 EUR was confirmed.\n\nZoë\n", 19)), ExtensionTarget.T).output();
            byte[] tamperedMessage = new String(good, StandardCharsets.ISO_8859_1)
                    .replaceFirst("payment of 100 EUR", "payment of 900 EUR").getBytes(StandardCharsets.ISO_8859_1);

            clock.set(VALIDATED);
            SignatureValidator offline = SignatureValidator.builder().trustAnchors(TrustAnchors.of(pki.trustAnchors()))
                    .clock(Clock.fixed(VALIDATED, ZoneOffset.UTC)).fetchSettings(FetchSettings.offlineOnly()).build();
            ValidationReport ltaReport = offline.validate(ValidationRequest.of("minutes-2024-11-19.eml", ltaMessage));
            validLta = new ItemReport("Item 17 — minutes-2024-11-19.eml", MessageHeaders.read(ltaMessage), ltaReport,
                    List.of(new HistoryEntry(SIGNED.plusSeconds(600), SIGNED.plusSeconds(600), "TOTAL_PASSED", null,
                                    "CAdES-BASELINE-T", false),
                            new HistoryEntry(LTA_UPGRADE.plusSeconds(60), LTA_UPGRADE.plusSeconds(60), "TOTAL_PASSED", null,
                                    "CAdES-BASELINE-LTA", false),
                            new HistoryEntry(LTA_RENEWAL.plusSeconds(60), LTA_RENEWAL.plusSeconds(60), "TOTAL_PASSED", null,
                                    "CAdES-BASELINE-LTA", false),
                            new HistoryEntry(VALIDATED, VALIDATED, ltaReport.overallIndication().name(),
                                    ltaReport.signatures().get(0).subIndication() == null ? null
                                            : ltaReport.signatures().get(0).subIndication().name(),
                                    ltaReport.signatures().get(0).level(), false)),
                    // what the archive computes: the newest archive time-stamp protects until its TSA expires
                    ltaReport.signatures().get(0).timestamps().stream().filter(x -> x.type().equals("ARCHIVE"))
                            .max(java.util.Comparator.comparing(x -> x.genTime())).flatMap(x -> x.protectsUntil())
                            .orElse(null));

            clock.set(SIGNED.plusSeconds(7200));
            SignatureValidator revocationAware = SignatureValidator.builder()
                    .trustAnchors(TrustAnchors.of(pki.trustAnchors())).clock(Clock.fixed(clock.instant(), ZoneOffset.UTC))
                    .fetchSettings(FetchSettings.builder().allowHost("127.0.0.1").build()).build();
            revoked = ItemReport.of(revocationAware.validate(ValidationRequest.of("payment-instruction-2001.eml",
                    revokedMessage)), MessageHeaders.read(revokedMessage));
            tampered = ItemReport.of(revocationAware.validate(ValidationRequest.of("payment-confirmed.eml",
                    tamperedMessage)), MessageHeaders.read(tamperedMessage));
        }
    }

    private static byte[] smime(Credential signer, Clock clock, String subject, String body, int n) {
        try {
            byte[] entity = ("Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                    + body.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8);
            Map<String, String> headers = new LinkedHashMap<>();
            String name = signer.certificate().getSubjectX500Principal().getName("RFC2253").replaceFirst("^CN=([^,]*),.*", "$1");
            String email = signer.name().equals("zoe") ? "zoe@records.example" : "mallory@finance.example";
            headers.put("From", new InternetAddress(email, name, "UTF-8").toString());
            headers.put("To", "records@vellum.example");
            headers.put("Subject", MimeUtility.encodeText(subject, "UTF-8", "B"));
            headers.put("Message-ID", "<sample-" + n + "@records.example>");
            byte[] message = CadesSigner.builder(SigningKey.of(signer.privateKey(), signer.chain())).clock(clock).build()
                    .signSmime(entity, new SmimeMessageWriter.Headers(headers));
            // Jakarta Mail names the message after the local host; the header is outside the signed part
            return new String(message, StandardCharsets.ISO_8859_1)
                    .replaceFirst("Message-ID: <[^>]*>", "Message-ID: <sample-" + n + "@records.example>")
                    .getBytes(StandardCharsets.ISO_8859_1);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The B-LTA message (two archive time-stamps). */
    public byte[] ltaMessage() {
        return ltaMessage.clone();
    }

    public ItemReport validLta() {
        return validLta;
    }

    public ItemReport revoked() {
        return revoked;
    }

    public ItemReport tampered() {
        return tampered;
    }

    public List<ItemReport> all() {
        return List.of(validLta, revoked, tampered);
    }
}
