package dev.vellum.app.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;

/** Re-hashes every blob, checks that every blob the index needs is present and intact, and walks the event chain. */
public final class StoreVerifier {
    private final BlobStore blobs;
    private final ArchiveIndex index;
    private final EventLog events;

    public StoreVerifier(BlobStore blobs, ArchiveIndex index, EventLog events) {
        this.blobs = blobs;
        this.index = index;
        this.events = events;
    }

    /** @param progress told the number of blobs checked so far (for a progress bar) */
    public StoreVerification verify(LongConsumer progress) {
        List<String> problems = new ArrayList<>();
        List<String> notices = new ArrayList<>();

        Map<ContentHash, String> referenced = new HashMap<>();
        long[] references = {0};
        index.forEachReferencedBlob(ref -> {
            references[0]++;
            referenced.merge(ref.hash(), ref.usedBy(), (a, b) -> a);
        });

        Set<ContentHash> present = new HashSet<>();
        long checked = 0;
        for (ContentHash hash : blobs.list()) {
            present.add(hash);
            BlobCheck check = blobs.verify(hash);
            if (!check.ok()) {
                String user = referenced.get(hash);
                problems.add("blob " + hash + " is " + check.state().name().toLowerCase(java.util.Locale.ROOT)
                        + " (" + check.detail() + ")" + (user == null ? "" : "; needed by " + user));
            }
            progress.accept(++checked);
        }
        referenced.forEach((hash, user) -> {
            if (!present.contains(hash)) {
                problems.add("blob " + hash + " is missing; needed by " + user);
            }
        });
        long orphans = present.stream().filter(h -> !referenced.containsKey(h)).count();
        if (orphans > 0) {
            notices.add(orphans + " blob(s) not referenced by the index (left by an interrupted run; reused when it is rerun)");
        }
        int leftovers = blobs.leftoverTempFiles().size();
        if (leftovers > 0) {
            notices.add(leftovers + " temporary file(s) from interrupted writes in " + blobs.root().resolve("tmp"));
        }

        ChainCheck chain = events.verify();
        chain.problems().forEach(p -> problems.add("event log: " + p));
        return new StoreVerification(checked, references[0], chain.entries(), problems, notices);
    }
}
