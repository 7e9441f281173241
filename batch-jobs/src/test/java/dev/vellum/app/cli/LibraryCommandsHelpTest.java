package dev.vellum.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The commands the library modules contribute (timestamping: {@code tsa}, signature-policy:
 * {@code policy}, es-formats: {@code sign}, {@code extend}) are listed by {@code --help}, each with its
 * subcommands, and {@code --version} answers without touching any data directory.
 */
class LibraryCommandsHelpTest {

    @Test
    void versionNamesVellumAndTheJavaRuntime() {
        CliRunner.Result r = CliRunner.run("--version");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("vellum ").contains("Java " + System.getProperty("java.version"));
    }

    @Test
    void helpListsTheLibraryCommandsAndEachListsItsSubcommands() {
        CliRunner.Result help = CliRunner.run("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("sign", "extend", "tsa", "policy", "validate");

        CliRunner.Result tsa = CliRunner.run("tsa", "--help");
        assertThat(tsa.exitCode()).as(tsa.err()).isZero();
        assertThat(tsa.out()).contains("serve", "chain");

        CliRunner.Result policy = CliRunner.run("policy", "--help");
        assertThat(policy.exitCode()).as(policy.err()).isZero();
        assertThat(policy.out()).contains("compile", "hash", "show");

        CliRunner.Result sign = CliRunner.run("sign", "--help");
        assertThat(sign.exitCode()).as(sign.err()).isZero();
        assertThat(sign.out()).contains("--key", "--level", "--tsa");

        CliRunner.Result extend = CliRunner.run("extend", "--help");
        assertThat(extend.exitCode()).as(extend.err()).isZero();
        assertThat(extend.out()).contains("--level", "--tsa");
    }
}
