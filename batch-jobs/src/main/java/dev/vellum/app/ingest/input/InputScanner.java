package dev.vellum.app.ingest.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import dev.vellum.app.store.StoreException;

/**
 * Finds the input files under the paths given to {@code vellum ingest}, in a stable order (so a
 * restarted partition finds the same files again). Directories are walked; a directory with
 * {@code cur/} and {@code new/} is a Maildir; {@code .eml}, {@code .p7m}, {@code .p7s} and
 * {@code .mbox} files (or any file starting with an mbox "From " line) are taken; other files in
 * a directory are ignored (e.g. the {@code .bin} content of a detached signature). A file named
 * explicitly is always taken: as an mbox when it starts like one, else as a message.
 */
public final class InputScanner {

    public record Scan(List<InputUnit> units, List<Path> ignored) {
    }

    public Scan scan(List<Path> roots) {
        List<InputUnit> units = new ArrayList<>();
        List<Path> ignored = new ArrayList<>();
        for (Path root : roots) {
            Path path = root.toAbsolutePath().normalize();
            if (Files.isDirectory(path)) {
                walk(path, units, ignored);
            } else if (Files.isRegularFile(path)) {
                units.add(new InputUnit(path, kindOf(path).orElseGet(() -> looksLikeMbox(path) ? InputKind.MBOX : InputKind.EML)));
            } else {
                throw new StoreException("input not found: " + root);
            }
        }
        units.sort(Comparator.comparing(u -> u.path().toString()));
        return new Scan(List.copyOf(units), List.copyOf(ignored));
    }

    private void walk(Path dir, List<InputUnit> units, List<Path> ignored) {
        if (isMaildir(dir)) {
            for (String sub : List.of("cur", "new")) {
                try (Stream<Path> files = Files.list(dir.resolve(sub))) {
                    files.filter(Files::isRegularFile).forEach(f -> units.add(new InputUnit(f, InputKind.MAILDIR_MESSAGE)));
                } catch (IOException e) {
                    throw new StoreException("cannot list Maildir folder " + dir.resolve(sub) + ": " + e.getMessage(), e);
                }
            }
        }
        List<Path> children;
        try (Stream<Path> list = Files.list(dir)) {
            children = list.sorted().toList();
        } catch (IOException e) {
            throw new StoreException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        for (Path child : children) {
            String name = child.getFileName().toString();
            if (Files.isDirectory(child)) {
                if (isMaildir(dir) && (name.equals("cur") || name.equals("new") || name.equals("tmp"))) {
                    continue;
                }
                walk(child, units, ignored);
            } else if (Files.isRegularFile(child)) {
                Optional<InputKind> kind = kindOf(child);
                if (kind.isPresent()) {
                    units.add(new InputUnit(child, kind.get()));
                } else if (looksLikeMbox(child)) {
                    units.add(new InputUnit(child, InputKind.MBOX));
                } else {
                    ignored.add(child);
                }
            }
        }
    }

    static boolean isMaildir(Path dir) {
        return Files.isDirectory(dir.resolve("cur")) && Files.isDirectory(dir.resolve("new"));
    }

    private static Optional<InputKind> kindOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".eml")) {
            return Optional.of(InputKind.EML);
        }
        if (name.endsWith(".p7m")) {
            return Optional.of(InputKind.P7M);
        }
        if (name.endsWith(".p7s")) {
            return Optional.of(InputKind.P7S);
        }
        if (name.endsWith(".mbox") || name.equals("mbox")) {
            return Optional.of(InputKind.MBOX);
        }
        return Optional.empty();
    }

    private static boolean looksLikeMbox(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(5);
            return new String(head, StandardCharsets.ISO_8859_1).equals("From ");
        } catch (IOException e) {
            return false;
        }
    }
}
