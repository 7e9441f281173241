package dev.vellum.app.cli.policy;

import dev.vellum.policy.PolicyException;
import dev.vellum.policy.json.PolicyJson;
import dev.vellum.policy.model.SignaturePolicy;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vellum policy show POLICY.der|POLICY.json}: what the policy requires, for people (or its JSON with --json). */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show a policy: who issued it, its hash, and what it requires per commitment type.")
public final class PolicyShowCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "POLICY", description = "POLICY.der or POLICY.json.")
    Path input;

    @Option(names = "--json", description = "Print the policy in Vellum's JSON form instead (decompiles DER).")
    boolean json;

    @Override
    public Integer call() {
        try {
            byte[] der = PolicyFiles.der(input);
            SignaturePolicy policy = PolicyFiles.policy(input, der);
            spec.commandLine().getOut().print(json ? PolicyJson.write(policy) : PolicyDescription.describe(policy, der));
            spec.commandLine().getOut().flush();
            return 0;
        } catch (PolicyException e) {
            spec.commandLine().getErr().println("vellum policy show: " + e.getMessage());
            return 1;
        }
    }
}
