package dev.vellum.app.cli.formats;

import dev.vellum.app.cli.ExitCodes;
import dev.vellum.app.cli.VellumCommand;
import dev.vellum.formats.SignatureFormatException;
import dev.vellum.formats.SignedDocument;
import dev.vellum.formats.SignedDocumentReader;
import dev.vellum.formats.extend.ExtendedDocument;
import dev.vellum.formats.extend.ExtensionTarget;
import dev.vellum.timestamping.TimestampException;
import dev.vellum.validation.ValidationException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vellum extend}: upgrades a CMS/S/MIME signature to B-T, B-LT or B-LTA, adding unsigned data only. */
@Command(name = "extend", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Extends every signature of FILE to CAdES B-T, B-LT or B-LTA by adding unsigned data only: "
                + "signed attributes, signature values and content stay byte-identical. An .eml in gives an .eml out "
                + "whose signed part is the original's. LTA on an LTA adds one more archive-time-stamp-v3.",
                "LT/LTA embed chains and revocation data gathered by the validation module: from --validation-data, "
                        + "and from the CRL/OCSP/AIA URLs in the certificates unless --offline; chains must end at a --trust anchor.",
                "A signature whose value or message digest does not verify is refused unless --force."})
public final class ExtendCommand implements Callable<Integer> {
    @ParentCommand
    VellumCommand vellum;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Signature: .p7m, .p7s (with content), .eml, DER/BER/PEM CMS.")
    Path file;

    @Option(names = "--content", paramLabel = "FILE",
            description = "Content of a detached signature (default for X.p7s: X, else X.bin).")
    Path content;

    @Option(names = "--level", required = true, paramLabel = "T|LT|LTA", description = "Target level.")
    String level;

    @Option(names = "--force", description = "Extend even a signature that does not verify (to preserve it as evidence).")
    boolean force;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the extended signature.")
    Path out;

    @Mixin
    ExtensionOptions sources;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ExtensionTarget target;
        try {
            target = ExtensionTarget.valueOf(level.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            err.println("unknown --level " + level + " (T, LT or LTA)");
            return ExitCodes.USAGE;
        }
        try (ExtensionOptions closing = sources) {
            SignedDocument doc = read(file);
            ExtendedDocument result = sources.extender(vellum, target != ExtensionTarget.T, force).extend(doc, target);
            try (var stream = Files.newOutputStream(out)) {
                result.writeTo(stream); // a large .p7m is streamed from the source file, never loaded
            }
            PrintWriter o = spec.commandLine().getOut();
            result.actions().forEach(a -> o.println("  " + a));
            SignedDocument after = read(out);
            after.signatures().forEach(s -> o.println(s.id() + ": " + s.level()));
            o.println("wrote " + out);
            o.flush();
            return ExitCodes.OK;
        } catch (SignatureFormatException | TimestampException | ValidationException e) {
            err.println(file + ": " + e.getMessage() + (e.getMessage().startsWith("refusing") ? " (--force)" : ""));
            return ExitCodes.ATTENTION;
        } catch (IOException e) {
            err.println("cannot write " + out + ": " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }

    private SignedDocument read(Path f) {
        Optional<Path> detached = detachedContent(f);
        SignedDocumentReader reader = new SignedDocumentReader();
        return detached.isPresent() ? reader.read(f, detached.get()) : reader.read(f);
    }

    private Optional<Path> detachedContent(Path f) {
        if (content != null) {
            return Optional.of(content);
        }
        String name = f.getFileName().toString();
        if (!name.toLowerCase(Locale.ROOT).endsWith(".p7s")) {
            return Optional.empty();
        }
        Path base = f.resolveSibling(name.substring(0, name.length() - 4));
        if (Files.isRegularFile(base)) {
            return Optional.of(base);
        }
        Path bin = f.resolveSibling(name.substring(0, name.length() - 4) + ".bin");
        return Files.isRegularFile(bin) ? Optional.of(bin) : Optional.empty();
    }
}
