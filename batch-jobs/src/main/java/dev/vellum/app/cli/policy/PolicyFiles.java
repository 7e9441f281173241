package dev.vellum.app.cli.policy;

import dev.vellum.policy.PolicyCodec;
import dev.vellum.policy.PolicyException;
import dev.vellum.policy.json.PolicyJson;
import dev.vellum.policy.model.SignaturePolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/** Reading policy files by extension (.json = authoring form, anything else = DER) and writing them safely. */
final class PolicyFiles {
    private static final long MAX_SIZE = 8L * 1024 * 1024;

    private PolicyFiles() {
    }

    static boolean isJson(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    }

    static byte[] read(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new PolicyException(file + ": no such file");
            }
            if (Files.size(file) > MAX_SIZE) {
                throw new PolicyException(file + ": larger than " + MAX_SIZE + " bytes, not a signature policy");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new PolicyException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /** The policy's DER: the file itself, or the JSON compiled. */
    static byte[] der(Path file) {
        byte[] bytes = read(file);
        try {
            return isJson(file) ? PolicyJson.compile(new String(bytes, StandardCharsets.UTF_8)) : bytes;
        } catch (PolicyException e) {
            throw new PolicyException(file + ": " + e.getMessage(), e);
        }
    }

    /** The decoded policy, embedded hash checked. */
    static SignaturePolicy policy(Path file, byte[] der) {
        try {
            return PolicyCodec.decode(der);
        } catch (PolicyException e) {
            throw new PolicyException(file + ": " + e.getMessage(), e);
        }
    }

    /** Writes via a temporary file and an atomic rename, so a failed run never leaves half a policy. */
    static void write(Path target, byte[] content) {
        Path absolute = target.toAbsolutePath();
        try {
            Path dir = absolute.getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".policy-", ".tmp");
            try {
                Files.write(tmp, content);
                try {
                    Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new PolicyException(target + ": cannot write (" + e.getMessage() + ")", e);
        }
    }
}
