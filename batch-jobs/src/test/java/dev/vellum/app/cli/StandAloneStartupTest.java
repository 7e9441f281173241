package dev.vellum.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, start-up: the stand-alone tools run without Spring. Each command runs in a child JVM
 * with the test class path (Spring, Flyway, H2 and Artemis are all on it) and {@code -Xlog:class+load};
 * the log must name none of their classes. An archive command is the control: it must load Spring,
 * so the check can see what it is looking for.
 */
class StandAloneStartupTest {

    /** Packages only the archive and job commands may load. */
    private static final List<String> APPLICATION_STACK = List.of("org.springframework.", "org.flywaydb.",
            "com.zaxxer.hikari.", "org.h2.", "org.apache.activemq.");

    @TempDir
    Path temp;

    @Test
    void validateLoadsNoSpringClass() throws Exception {
        Path eml = sample("mailbox/eml/01-alice.eml");
        Path anchor = sample("pki/demo-trust-anchor.pem");
        sample("pki/demo-issuing-ca.pem");
        sample("pki/demo-issuing-ca.crl");
        sample("pki/demo-root-ca.crl");

        Child text = run("validate", eml.toString(), "--trust", anchor.toString(),
                "--validation-data", anchor.getParent().toString(), "--offline", "--at", "2026-06-15T00:00:00Z");
        Child json = run("--now", "2026-06-15T00:00:00Z", "validate", eml.toString(), "--format", "json",
                "--trust", anchor.toString(), "--validation-data", anchor.getParent().toString(), "--offline");

        assertThat(text.exitCode()).as(text.output()).isZero();
        assertThat(text.output()).contains("TOTAL_PASSED");
        assertThat(json.exitCode()).as(json.output()).isZero();
        assertThat(json.output()).contains("\"indication\" : \"TOTAL_PASSED\"");
        assertThat(text.applicationStackClasses()).isEmpty();
        assertThat(json.applicationStackClasses()).isEmpty();
    }

    @Test
    void helpAndTheOtherStandAloneToolsLoadNoSpringClass() throws Exception {
        Child help = run("--help");
        Child tsa = run("tsa", "chain", "--data", temp.resolve("data").toString());
        Child policy = run("policy", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.output()).contains("verify-store", "validate");
        assertThat(tsa.exitCode()).as(tsa.output()).isZero();
        assertThat(tsa.output()).contains("-----BEGIN CERTIFICATE-----");
        assertThat(policy.exitCode()).isZero();
        assertThat(help.applicationStackClasses()).isEmpty();
        assertThat(tsa.applicationStackClasses()).isEmpty();
        assertThat(policy.applicationStackClasses()).isEmpty();
    }

    @Test
    void anArchiveCommandDoesLoadSpring() throws Exception {
        // ingest starts a new archive (items would refuse a data directory that holds none)
        Path inbox = Files.createDirectories(temp.resolve("inbox"));
        Child ingest = run("--data", temp.resolve("data").toString(), "ingest", inbox.toString());

        assertThat(ingest.exitCode()).as(ingest.output()).isZero();
        assertThat(ingest.applicationStackClasses()).anyMatch(c -> c.startsWith("org.springframework.context."));
    }

    /** One finished child JVM: its exit code, standard output and error, and the classes it loaded. */
    private record Child(int exitCode, String output, List<String> loadedClasses) {
        List<String> applicationStackClasses() {
            return loadedClasses.stream().filter(c -> APPLICATION_STACK.stream().anyMatch(c::startsWith)).toList();
        }
    }

    private Child run(String... args) throws IOException, InterruptedException {
        Path log = Files.createTempFile(temp, "classes", ".log");
        Path output = Files.createTempFile(temp, "output", ".txt");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Xlog:class+load=info:file=" + log, "-cp", System.getProperty("java.class.path"),
                VellumMain.class.getName()));
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).directory(temp.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        if (!child.waitFor(120, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new AssertionError("vellum " + String.join(" ", args) + " did not finish in 120 s");
        }
        List<String> classes;
        try (Stream<String> lines = Files.lines(log)) {
            // "[0.012s][info][class,load] java.lang.Object source: shared objects file"
            classes = lines.map(l -> l.substring(l.indexOf("] ", l.indexOf("class,load")) + 2))
                    .map(l -> l.contains(" ") ? l.substring(0, l.indexOf(' ')) : l).toList();
        }
        assertThat(classes).as("the class-load log of vellum " + String.join(" ", args)).contains(VellumMain.class.getName());
        return new Child(child.exitValue(), Files.readString(output), classes);
    }

    /** A file of the demo samples bundled in the application (resource /vellum-samples/). */
    private Path sample(String name) throws IOException {
        Path target = temp.resolve("samples").resolve(name);
        Files.createDirectories(target.getParent());
        try (InputStream in = StandAloneStartupTest.class.getResourceAsStream("/vellum-samples/" + name)) {
            assertThat(in).as("sample " + name).isNotNull();
            Files.copy(in, target);
        }
        return target;
    }
}
