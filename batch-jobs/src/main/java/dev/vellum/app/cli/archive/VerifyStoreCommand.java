package dev.vellum.app.cli.archive;

import java.util.concurrent.atomic.AtomicLong;

import dev.vellum.app.cli.ExitCodes;
import dev.vellum.app.cli.console.Console;
import dev.vellum.app.context.ArchiveContext;
import dev.vellum.app.store.BlobStore;
import dev.vellum.app.store.StoreVerification;
import dev.vellum.app.store.StoreVerifier;

import picocli.CommandLine.Command;

@Command(name = "verify-store", mixinStandardHelpOptions = true,
        description = {"Re-hashes every blob, checks that every blob the index needs is there, and walks the "
                + "event log's hash chain. Exit code 4 names what is missing, corrupt or altered."})
public final class VerifyStoreCommand extends ArchiveCommand {
    @Override
    protected int run(ArchiveContext archive, Console console) {
        AtomicLong checked = new AtomicLong();
        long total = archive.bean(BlobStore.class).list().size();
        StoreVerification result;
        try (AutoCloseable bar = console.progress(() -> "verify-store", checked::get, () -> total)) {
            result = archive.bean(StoreVerifier.class).verify(checked::set);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        if (console.json()) {
            console.printJson(result);
        } else {
            console.say("blobs re-hashed: " + result.blobsChecked() + ", index references: " + result.referencesChecked()
                    + ", events in chain: " + result.eventsChecked());
            result.notices().forEach(n -> console.say("note: " + n));
            result.problems().forEach(p -> console.say("PROBLEM: " + p));
            console.say(result.ok() ? "store OK" : "store DAMAGED: " + result.problems().size() + " problem(s)");
        }
        return result.ok() ? ExitCodes.OK : ExitCodes.STORE_DAMAGED;
    }
}
