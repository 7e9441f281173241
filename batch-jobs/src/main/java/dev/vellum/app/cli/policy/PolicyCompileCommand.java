package dev.vellum.app.cli.policy;

import dev.vellum.policy.PolicyHash;
import dev.vellum.policy.PolicyHasher;
import dev.vellum.policy.PolicyException;
import dev.vellum.policy.model.SignaturePolicy;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vellum policy compile POLICY.json --out POLICY.der}. */
@Command(name = "compile", mixinStandardHelpOptions = true,
        description = "Compile a policy written in JSON to RFC 3125 DER, with its signPolicyHash embedded.")
public final class PolicyCompileCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "POLICY.json", description = "The policy in Vellum's JSON form.")
    Path input;

    @Option(names = "--out", required = true, paramLabel = "POLICY.der", description = "Where to write the DER policy.")
    Path output;

    @Override
    public Integer call() {
        try {
            byte[] der = PolicyFiles.der(input);
            SignaturePolicy policy = PolicyFiles.policy(input, der);
            PolicyFiles.write(output, der);
            PolicyHash hash = PolicyHasher.sigPolicyHash(der);
            spec.commandLine().getOut().printf("compiled policy %s to %s (%d bytes); sigPolicyHash %s %s%n",
                    policy.oid(), output, der.length, hash.algorithm().jcaName(), hash.value().hex());
            return 0;
        } catch (PolicyException e) {
            spec.commandLine().getErr().println("vellum policy compile: " + e.getMessage());
            return 1;
        }
    }
}
