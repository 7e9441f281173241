package dev.vellum.app.cli.policy;

import dev.vellum.policy.HashAlgorithm;
import dev.vellum.policy.PolicyException;
import dev.vellum.policy.PolicyHasher;
import dev.vellum.policy.model.Bytes;
import dev.vellum.policy.model.SignaturePolicy;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vellum policy hash POLICY.der [--alg SHA-256]}: prints the hex hash a signature's sigPolicyHash must carry. */
@Command(name = "hash", mixinStandardHelpOptions = true,
        description = {"Print the policy hash (hex) a signature's sigPolicyHash must carry.",
                "For an RFC 3125 policy (.der, or .json compiled on the fly) that is H(DER(signPolicyHashAlg) || "
                        + "DER(signPolicyInfo)) - not the hash of the file. Use --document for PDF/text/XML policies."})
public final class PolicyHashCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "POLICY", description = "POLICY.der, POLICY.json, or any document with --document.")
    Path input;

    @Option(names = "--alg", paramLabel = "ALG",
            description = "Digest algorithm (SHA-256, SHA-384, SHA-512, SHA3-256, ...). Default: the policy's own "
                    + "signPolicyHashAlg; SHA-256 with --document.")
    String algorithm;

    @Option(names = "--document", description = "Hash the whole file (a non-ASN.1 policy document).")
    boolean document;

    @Override
    public Integer call() {
        try {
            Bytes hash;
            if (document) {
                hash = PolicyHasher.documentHash(PolicyFiles.read(input),
                        algorithm == null ? HashAlgorithm.SHA256 : HashAlgorithm.fromName(algorithm));
            } else {
                byte[] der = PolicyFiles.der(input);
                SignaturePolicy policy = PolicyFiles.policy(input, der);
                HashAlgorithm alg = algorithm == null ? HashAlgorithm.fromOid(policy.signPolicyHashAlg().algorithm())
                        : HashAlgorithm.fromName(algorithm);
                hash = PolicyHasher.asn1PolicyHash(der, alg);
            }
            spec.commandLine().getOut().println(hash.hex());
            return 0;
        } catch (PolicyException e) {
            spec.commandLine().getErr().println("vellum policy hash: " + e.getMessage());
            return 1;
        }
    }
}
