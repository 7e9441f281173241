package dev.vellum.app.upgrade;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;

import dev.vellum.app.context.ArchiveUnavailableException;
import dev.vellum.app.context.SecretFile;
import dev.vellum.app.context.VellumProperties;
import dev.vellum.formats.create.CadesSigner;
import dev.vellum.formats.create.SigningKey;
import dev.vellum.policy.PolicyRegistry;
import dev.vellum.policy.RegisteredPolicy;

/**
 * The archive seal the upgrade job puts on every signature before extending it to LTA: an EPES
 * countersignature (EN 319 122-1 §5.2.9, RFC 5652 §11.4) with the archive's own key, naming the seal
 * policy by OID and hash from the policy registry. Built from {@code vellum.seal.*}; a setting that
 * cannot work is refused, naming it, when the upgrade job is opened.
 */
public final class ArchiveSeal {
    private ArchiveSeal() {
    }

    public static CadesSigner signer(VellumProperties.Seal settings, Clock clock) {
        if (settings.key() == null || settings.policy() == null || settings.policyDir() == null) {
            throw new ArchiveUnavailableException("vellum.upgrade.seal=true needs vellum.seal.key (PKCS#12), "
                    + "vellum.seal.password-file, vellum.seal.policy (OID) and vellum.seal.policy-dir (the policy registry)");
        }
        SigningKey key;
        try {
            char[] password = settings.passwordFile() == null ? new char[0]
                    : SecretFile.read(settings.passwordFile(), "vellum.seal.password-file");
            key = SigningKey.fromPkcs12(Files.readAllBytes(settings.key()), password);
        } catch (ArchiveUnavailableException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ArchiveUnavailableException("vellum.seal.key: cannot open " + settings.key() + ": " + e.getMessage(), e);
        }
        RegisteredPolicy policy;
        try {
            policy = PolicyRegistry.load(settings.policyDir()).require(settings.policy());
        } catch (RuntimeException e) {
            throw new ArchiveUnavailableException("vellum.seal.policy " + settings.policy() + ": " + e.getMessage(), e);
        }
        CadesSigner.Builder builder = CadesSigner.builder(key).policy(policy).clock(clock);
        if (settings.commitmentType() != null && !settings.commitmentType().isBlank()) {
            builder.commitmentType(settings.commitmentType());
        }
        return builder.build();
    }
}
