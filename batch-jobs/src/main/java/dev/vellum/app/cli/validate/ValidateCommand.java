package dev.vellum.app.cli.validate;

import dev.vellum.app.cli.ExitCodes;
import dev.vellum.app.cli.InstantConverter;
import dev.vellum.app.cli.VellumCommand;
import dev.vellum.validation.Indication;
import dev.vellum.validation.SignatureValidator;
import dev.vellum.validation.ValidationException;
import dev.vellum.validation.ValidationRequest;
import dev.vellum.validation.crypto.CryptoSuitabilityPolicy;
import dev.vellum.validation.data.ValidationMaterial;
import dev.vellum.validation.fetch.FetchSettings;
import dev.vellum.validation.report.SignatureReport;
import dev.vellum.validation.report.ValidationReport;
import dev.vellum.validation.trust.TrustAnchors;
import dev.vellum.validation.trust.TrustStore;
import dev.vellum.validation.x509.CertificateModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code vellum validate}: ETSI EN 319 102-1 validation of signed files, stand-alone (no Spring, no
 * archive). One bad file never stops the others; exit 0 only when every signature is TOTAL_PASSED.
 */
@Command(name = "validate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Validate signed files (.eml, .p7m, .p7s, .tsr) per ETSI EN 319 102-1.",
                "A detached X.p7s without --content takes its content from X or, failing that, X.bin."})
public final class ValidateCommand implements Callable<Integer> {

    static final long MAX_FILE_BYTES = 256L * 1024 * 1024;

    @Spec
    CommandSpec spec;

    @ParentCommand
    VellumCommand parent;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Signed files to validate.")
    List<Path> files;

    @Option(names = "--content", paramLabel = "FILE", description = "Content of a detached signature.")
    Path content;

    @Option(names = "--trust", paramLabel = "PEM|DIR|P12|JKS", description = "Trust anchors (repeatable): PEM/DER files, "
            + "directories of them, or PKCS#12/JKS key stores (password from --trust-password).")
    List<Path> trust = new ArrayList<>();

    @Option(names = "--trust-password", paramLabel = "PASSWORD", description = "Password of PKCS#12/JKS trust stores.")
    String trustPassword = "";

    @Option(names = "--tsa-trust", paramLabel = "PEM|DIR|P12|JKS",
            description = "Trust anchors for time-stamping units only (repeatable). Default: the --trust anchors.")
    List<Path> tsaTrust = new ArrayList<>();

    @Option(names = "--model", paramLabel = "shell|chain",
            description = "Certificate validity model: shell (all valid at the validation time, default) or chain.")
    String model = "shell";

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Keep fetched CRLs, OCSP responses and certificates here until their nextUpdate.")
    Path cacheDir;

    @Option(names = "--validation-data", paramLabel = "DIR",
            description = "Adds every certificate, CRL and OCSP response found in DIR.")
    Path validationData;

    @Option(names = "--offline", description = "Never go online: use only embedded and supplied data.")
    boolean offline;

    @Option(names = "--allow-host", paramLabel = "HOST",
            description = "Hosts CRL/OCSP/AIA fetches may reach (repeatable; host, host:port or *.domain). "
                    + "Default: any http(s) host.")
    List<String> allowHosts = new ArrayList<>();

    @Option(names = "--at", paramLabel = "ISO-8601", converter = InstantConverter.class,
            description = "Validate as of this time (default: now, or the global --now).")
    Instant at;

    @Option(names = "--policy-dir", paramLabel = "DIR", description = "Signature policy registry directory.")
    Path policyDir;

    @Option(names = "--crypto-policy", paramLabel = "FILE|ts119312|dss",
            description = "Crypto-suitability table: a JSON file, ts119312 (TS 119 312 V2.1.1, default) or dss "
                    + "(DSS 6.3's shipped dates).")
    String cryptoPolicy = "ts119312";

    @Option(names = "--format", paramLabel = "text|json|xml|pdf", description = "Output format (default: text).")
    String format = "text";

    @Option(names = "--out", paramLabel = "PATH", description = "Write the output here instead of standard output "
            + "(required for pdf; a directory for xml with several files).")
    Path out;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        String fmt = format.toLowerCase(Locale.ROOT);
        if (!fmt.equals("text") && !fmt.equals("json") && !fmt.equals("xml") && !fmt.equals("pdf")) {
            err.println("unknown --format " + format + " (text, json, xml or pdf)");
            return ExitCodes.USAGE;
        }
        if (fmt.equals("pdf") && out == null) {
            err.println("--format pdf needs --out FILE.pdf");
            return ExitCodes.USAGE;
        }
        if (fmt.equals("xml") && out == null && files.size() > 1) {
            err.println("--format xml with several files needs --out DIR (one XML report per file)");
            return ExitCodes.USAGE;
        }
        SignatureValidator validator;
        try {
            validator = validator();
        } catch (ValidationException e) {
            err.println(e.getMessage());
            return ExitCodes.USAGE;
        }
        List<ValidateJson.FileOutcome> outcomes = new ArrayList<>();
        for (Path file : files) {
            outcomes.add(validateOne(validator, file));
        }
        if (fmt.equals("pdf") || fmt.equals("xml")) {
            boolean written = fmt.equals("pdf") ? ValidateReports.pdf(outcomes, out, clock(), err)
                    : ValidateReports.xml(outcomes, out, spec.commandLine().getOut(), err);
            if (!written) {
                return ExitCodes.FAILED;
            }
        } else {
            String text = fmt.equals("json") ? ValidateJson.write(outcomes) : ValidateText.write(outcomes);
            if (!write(text, err)) {
                return ExitCodes.FAILED;
            }
        }
        boolean allPassed = outcomes.stream().allMatch(o -> o.error() == null && o.report() != null
                && o.report().signatures().stream().allMatch(s -> s.indication() == Indication.TOTAL_PASSED));
        return allPassed ? ExitCodes.OK : ExitCodes.ATTENTION;
    }

    private ValidateJson.FileOutcome validateOne(SignatureValidator validator, Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                return new ValidateJson.FileOutcome(file.toString(), null, "no such file", null);
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                return new ValidateJson.FileOutcome(file.toString(), null, "larger than " + MAX_FILE_BYTES + " bytes", null);
            }
            ValidationRequest request = ValidationRequest.of(file.getFileName().toString(), Files.readAllBytes(file));
            Optional<Path> detached = detachedContent(file);
            if (detached.isPresent()) {
                request = request.withDetachedContent(Files.readAllBytes(detached.get()));
            }
            Instant when = at != null ? at : globalNow();
            if (when != null) {
                request = request.at(when);
            }
            ValidationReport report = validator.validate(request);
            String error = report.errors().isEmpty() ? null : String.join("; ", report.errors());
            return new ValidateJson.FileOutcome(file.toString(), report.document().container(), error, report);
        } catch (IOException | RuntimeException e) {
            return new ValidateJson.FileOutcome(file.toString(), null, "cannot validate: " + e.getMessage(), null);
        }
    }

    private java.time.Clock clock() {
        return globalNow() == null ? java.time.Clock.systemUTC() : java.time.Clock.fixed(globalNow(), java.time.ZoneOffset.UTC);
    }

    /** The global {@code --now}: a fixed clock for the whole run. */
    private Instant globalNow() {
        return parent == null ? null : parent.globalOptions().now();
    }

    private Optional<Path> detachedContent(Path file) {
        if (content != null) {
            return Optional.of(content);
        }
        String name = file.getFileName().toString();
        if (!name.toLowerCase(Locale.ROOT).endsWith(".p7s")) {
            return Optional.empty();
        }
        Path base = file.resolveSibling(name.substring(0, name.length() - 4));
        if (Files.isRegularFile(base)) {
            return Optional.of(base);
        }
        Path bin = file.resolveSibling(name.substring(0, name.length() - 4) + ".bin");
        return Files.isRegularFile(bin) ? Optional.of(bin) : Optional.empty();
    }

    private TrustAnchors anchors(List<Path> paths) {
        TrustAnchors anchors = TrustAnchors.empty();
        for (Path t : paths) {
            String n = t.getFileName().toString().toLowerCase(Locale.ROOT);
            anchors = anchors.union(n.endsWith(".p12") || n.endsWith(".pfx") || n.endsWith(".jks")
                    ? TrustAnchors.fromKeyStore(t, trustPassword.toCharArray()) : TrustAnchors.fromPath(t));
        }
        return anchors;
    }

    private SignatureValidator validator() {
        TrustAnchors anchors = anchors(trust);
        TrustAnchors tsaAnchors = tsaTrust.isEmpty() ? anchors : anchors(tsaTrust);
        CertificateModel certificateModel = switch (model.toLowerCase(Locale.ROOT)) {
            case "shell" -> CertificateModel.SHELL;
            case "chain" -> CertificateModel.CHAIN;
            default -> throw new ValidationException("unknown --model " + model + " (shell or chain)");
        };
        FetchSettings.Builder fetch = FetchSettings.builder().offline(offline);
        if (cacheDir != null) {
            fetch.cacheDirectory(cacheDir);
        }
        if (allowHosts.isEmpty()) {
            fetch.allowAnyHost();
        } else {
            allowHosts.forEach(fetch::allowHost);
        }
        ValidationMaterial material = validationData == null ? ValidationMaterial.empty()
                : ValidationDataDirectory.read(validationData);
        SignatureValidator.Builder b = SignatureValidator.builder()
                .clock(clock())
                .trust(new TrustStore(anchors, tsaAnchors))
                .certificateModel(certificateModel)
                .fetchSettings(fetch.build())
                .material(material)
                .cryptoPolicy(crypto());
        if (policyDir != null) {
            b.policyRegistry(dev.vellum.policy.PolicyRegistry.load(policyDir));
        }
        return b.build();
    }

    private CryptoSuitabilityPolicy crypto() {
        return switch (cryptoPolicy.toLowerCase(Locale.ROOT)) {
            case "ts119312" -> CryptoSuitabilityPolicy.ts119312();
            case "dss" -> CryptoSuitabilityPolicy.dssShipped();
            default -> CryptoSuitabilityPolicy.fromJson(Path.of(cryptoPolicy));
        };
    }

    private boolean write(String text, PrintWriter err) {
        if (out == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
            return true;
        }
        try {
            Files.writeString(out, text, StandardCharsets.UTF_8);
            return true;
        } catch (IOException e) {
            err.println("cannot write " + out + ": " + e.getMessage());
            return false;
        }
    }

    static String describe(SignatureReport s) {
        return s.indication() + (s.subIndication() == null ? "" : "/" + s.subIndication());
    }
}
