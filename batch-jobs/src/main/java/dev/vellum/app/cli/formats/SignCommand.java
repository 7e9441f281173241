package dev.vellum.app.cli.formats;

import dev.vellum.app.cli.ExitCodes;
import dev.vellum.app.cli.VellumCommand;
import dev.vellum.formats.SignatureFormatException;
import dev.vellum.formats.SignedContent;
import dev.vellum.formats.SignedDocumentReader;
import dev.vellum.formats.create.CadesSigner;
import dev.vellum.formats.create.SigningKey;
import dev.vellum.formats.create.SmimeMessageWriter;
import dev.vellum.formats.extend.ExtendedDocument;
import dev.vellum.formats.extend.ExtensionTarget;
import dev.vellum.policy.PolicyException;
import dev.vellum.policy.PolicyRegistry;
import dev.vellum.timestamping.TimestampException;
import dev.vellum.validation.ValidationException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vellum sign}: a CAdES B-B or EPES signature from a PKCS#12 key, optionally extended to T/LT/LTA. */
@Command(name = "sign", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Signs FILE as CAdES (content-type, message-digest, signing-time, signing-certificate-v2, "
                + "cms-algorithm-protection; with --policy an EPES) and extends it to --level.",
                "Packaging: enveloping .p7m by default, --detached for a .p7s, --smime for an S/MIME multipart/signed "
                        + "message (FILE is used as the MIME entity if it starts with MIME headers, else attached as base64)."})
public final class SignCommand implements Callable<Integer> {
    @ParentCommand
    VellumCommand vellum;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The content to sign.")
    Path file;

    @Option(names = "--key", required = true, paramLabel = "P12", description = "PKCS#12 file with the key and its chain.")
    Path key;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "File whose first line is the PKCS#12 password (default: empty password).")
    Path passwordFile;

    @Option(names = "--policy", paramLabel = "OID", description = "Signature policy (EPES), looked up in --policy-dir.")
    String policy;

    @Option(names = "--policy-dir", paramLabel = "DIR", description = "Signature policy registry directory (for --policy).")
    Path policyDir;

    @Option(names = "--commitment", paramLabel = "OID", description = "commitment-type-indication, e.g. 1.2.840.113549.1.9.16.6.1.")
    String commitment;

    @Option(names = "--level", paramLabel = "B|T|LT|LTA", description = "Target level (default: B).")
    String level = "B";

    @Option(names = "--detached", description = "Write a detached .p7s (the content is not inside).")
    boolean detached;

    @Option(names = "--smime", description = "Write an S/MIME multipart/signed message.")
    boolean smime;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the signature.")
    Path out;

    @Mixin
    ExtensionOptions sources;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        String lvl = level.toUpperCase(Locale.ROOT);
        if (!lvl.equals("B") && !lvl.equals("T") && !lvl.equals("LT") && !lvl.equals("LTA")) {
            err.println("unknown --level " + level + " (B, T, LT or LTA)");
            return ExitCodes.USAGE;
        }
        if (detached && smime) {
            err.println("--detached and --smime exclude each other (S/MIME multipart/signed is already detached)");
            return ExitCodes.USAGE;
        }
        if (policy != null && policyDir == null) {
            err.println("--policy needs --policy-dir: the registry computes the policy hash the signature carries");
            return ExitCodes.USAGE;
        }
        try (ExtensionOptions closing = sources) {
            char[] password = passwordFile == null ? new char[0]
                    : Files.readAllLines(passwordFile, StandardCharsets.UTF_8).stream().findFirst().orElse("").toCharArray();
            CadesSigner.Builder b = CadesSigner.builder(SigningKey.fromPkcs12(Files.readAllBytes(key), password))
                    .clock(sources.clock(vellum));
            if (policy != null) {
                b.policy(PolicyRegistry.load(policyDir).require(policy));
            }
            if (commitment != null) {
                b.commitmentType(commitment);
            }
            CadesSigner signer = b.build();
            byte[] signed;
            if (smime) {
                signed = signer.signSmime(mimeEntity(), SmimeMessageWriter.Headers.none());
            } else if (detached) {
                signed = signer.signDetached(SignedContent.of(file));
            } else {
                signed = signer.signEnveloping(SignedContent.of(Files.readAllBytes(file)));
            }
            PrintWriter o = spec.commandLine().getOut();
            if (!lvl.equals("B")) {
                SignedDocumentReader reader = new SignedDocumentReader();
                var doc = detached ? reader.readDetached(signed, SignedContent.of(file)) : reader.read(signed);
                ExtendedDocument ext = sources.extender(vellum, !lvl.equals("T"), false)
                        .extend(doc, ExtensionTarget.valueOf(lvl));
                ext.actions().forEach(a -> o.println("  " + a));
                signed = ext.output();
            }
            Files.write(out, signed);
            o.println("wrote " + out + " (" + (smime ? "S/MIME" : detached ? "detached" : "enveloping") + ", level " + lvl + ")");
            o.flush();
            return ExitCodes.OK;
        } catch (SignatureFormatException | TimestampException | ValidationException | PolicyException e) {
            err.println(file + ": " + e.getMessage());
            return ExitCodes.ATTENTION;
        } catch (IOException e) {
            err.println("cannot read or write: " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }

    /** FILE itself if it is a MIME entity (starts with a header line), else FILE as a base64 attachment. */
    private byte[] mimeEntity() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String head = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.ISO_8859_1);
        if (head.regionMatches(true, 0, "Content-Type:", 0, 13) || head.regionMatches(true, 0, "MIME-Version:", 0, 13)) {
            return bytes;
        }
        String name = file.getFileName().toString().replace("\"", "");
        String entity = "Content-Type: application/octet-stream; name=\"" + name + "\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n"
                + "Content-Disposition: attachment; filename=\"" + name + "\"\r\n\r\n"
                + Base64.getMimeEncoder(76, new byte[] {'\r', '\n'}).encodeToString(bytes) + "\r\n";
        return entity.getBytes(StandardCharsets.US_ASCII);
    }

}
