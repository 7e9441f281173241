package dev.vellum.app.revalidate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.vellum.app.cli.CliRunner;
import dev.vellum.app.cli.ExitCodes;
import dev.vellum.app.context.ArchiveContext;
import dev.vellum.app.context.ArchiveSettings;
import dev.vellum.app.store.ArchiveIndex;
import dev.vellum.app.store.ValidationRun;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vellum revalidate [--at T]} keeps every run with the verdict it replaced: an auditor can see
 * when and why an item's verdict changed.
 */
class RevalidationHistoryTest {
    @TempDir
    Path temp;

    @Test
    void eachRunIsKeptWithTheVerdictItReplacedAndOnlyRealChangesAreCounted() throws Exception {
        Path samples = dev.vellum.app.demo.DemoSamples.extractTo(temp.resolve("samples"));
        Path config = Files.writeString(temp.resolve("vellum.properties"),
                "vellum.validation.trust[0]=" + samples.resolve("pki/demo-trust-anchor.pem") + "\n"
                        + "vellum.validation.trust[1]=" + samples.resolve("pki/demo-tsa-chain.pem") + "\n"
                        + "vellum.validation.validation-data[0]=" + samples.resolve("pki") + "\n");
        Path in = Files.createDirectories(temp.resolve("in"));
        Files.copy(samples.resolve("mailbox/eml/01-alice.eml"), in.resolve("01-alice.eml"));
        String data = temp.resolve("data").toString();
        String[] global = {"--data", data, "--config", config.toString()};

        CliRunner.Result ingest = CliRunner.run(concat(global, "ingest", in.toString()));
        assertThat(ingest.exitCode()).as(ingest.out() + ingest.err()).isEqualTo(ExitCodes.OK);
        CliRunner.Result same = CliRunner.run(concat(global, "revalidate"));
        assertThat(same.exitCode()).as(same.out() + same.err()).isEqualTo(ExitCodes.OK);
        assertThat(same.out()).containsPattern("changed\\s+0");

        // Long after the signer's and the TSA's certificates expired: a B-T signature cannot be proven any more.
        CliRunner.Result later = CliRunner.run(concat(global, "revalidate", "--at", "2060-01-01T00:00:00Z"));
        assertThat(later.exitCode()).as(later.out() + later.err()).isEqualTo(ExitCodes.ATTENTION);
        assertThat(later.out()).containsPattern("changed\\s+1").containsPattern("TOTAL_PASSED\\s+0");
        CliRunner.Result again = CliRunner.run(concat(global, "revalidate", "--at", "2060-01-01T00:00:00Z"));
        assertThat(again.out()).containsPattern("changed\\s+0");

        try (ArchiveContext archive = ArchiveContext.open(new ArchiveSettings(Path.of(data), config, null, java.util.Map.of()))) {
            List<ValidationRun> runs = archive.bean(ArchiveIndex.class).validationRuns(1);
            assertThat(runs).hasSize(4); // the first validation at ingest, then three revalidations
            assertThat(runs.subList(2, 4)).extracting(ValidationRun::validationTime).extracting(Object::toString)
                    .containsOnly("2060-01-01T00:00:00Z");
            assertThat(runs).extracting(ValidationRun::changed).containsExactly(false, false, true, false);
            ValidationRun changed = runs.get(2);
            assertThat(changed.previousIndication()).isEqualTo("TOTAL_PASSED");
            assertThat(changed.indication()).isNotEqualTo("TOTAL_PASSED");
            assertThat(runs.get(3).previousIndication()).isEqualTo(changed.indication());
        }
    }

    private static String[] concat(String[] global, String... command) {
        String[] all = java.util.Arrays.copyOf(global, global.length + command.length);
        System.arraycopy(command, 0, all, global.length, command.length);
        return all;
    }
}
