package dev.vellum.app.cli.archive;

import java.util.List;

import dev.vellum.app.cli.ExitCodes;
import dev.vellum.app.cli.console.Console;
import dev.vellum.app.cli.console.SummaryTable;
import dev.vellum.app.context.ArchiveContext;
import dev.vellum.app.store.ArchiveIndex;
import dev.vellum.app.store.Item;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "items", mixinStandardHelpOptions = true,
        description = {"Lists archived items with their latest verdict.",
                "With --quarantined: the inputs and items set aside instead, each with its stage and reason."})
public final class ItemsCommand extends ArchiveCommand {
    @Option(names = "--indication", paramLabel = "X",
            description = "Only items whose latest indication is X (TOTAL_PASSED, TOTAL_FAILED, INDETERMINATE, NOT_VALIDATED).")
    String indication;

    @Option(names = "--quarantined", description = "List the quarantine (input or item, stage, reason) instead of the items.")
    boolean quarantined;

    @Option(names = "--limit", defaultValue = "100", description = "At most this many items (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--offset", defaultValue = "0", description = "Skip this many items first.")
    int offset;

    @Override
    protected int run(ArchiveContext archive, Console console) {
        ArchiveIndex index = archive.bean(ArchiveIndex.class);
        if (quarantined) {
            return listQuarantine(index, console);
        }
        String filter = indication == null ? null : indication.toUpperCase(java.util.Locale.ROOT);
        List<Item> items = "NOT_VALIDATED".equals(filter)
                ? index.items(null, 0, Integer.MAX_VALUE).stream().filter(i -> i.indication() == null)
                        .skip(offset).limit(limit).toList()
                : index.items(filter, offset, limit);
        if (console.json()) {
            console.printJson(items);
            return ExitCodes.OK;
        }
        SummaryTable table = new SummaryTable("id", "format", "signers", "indication", "sub-indication", "versions",
                "from", "subject", "date");
        for (Item item : items) {
            table.row(item.id(), item.format(), item.signerCount(),
                    item.indication() == null ? "NOT_VALIDATED" : item.indication(), item.subIndication(),
                    item.latestVersion() + 1, item.from(), item.subject(), item.sentAt());
        }
        console.table(table);
        long inQuarantine = index.quarantineCount();
        console.say(items.size() + " item(s) shown; " + index.itemCount() + " archived, " + inQuarantine + " quarantined"
                + (inQuarantine > 0 ? " (vellum items --quarantined)" : ""));
        return ExitCodes.OK;
    }

    private int listQuarantine(ArchiveIndex index, Console console) {
        List<dev.vellum.app.store.QuarantineEntry> entries = index.quarantined().stream().skip(offset).limit(limit).toList();
        if (console.json()) {
            console.printJson(entries);
            return ExitCodes.OK;
        }
        console.table(QuarantineTable.of(index, entries));
        console.say(entries.size() + " quarantine entr" + (entries.size() == 1 ? "y" : "ies") + " shown of "
                + index.quarantineCount());
        return ExitCodes.OK;
    }
}
