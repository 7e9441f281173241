package dev.vellum.app.report;

import java.util.List;

import dev.vellum.app.store.ArchiveEvent;
import dev.vellum.app.store.Item;
import dev.vellum.app.store.ItemVersion;
import dev.vellum.app.store.ValidationRun;

/** Everything the archive knows about one item: index row, versions, sources, validation history, events. */
public record ItemDossier(int schemaVersion, Item item, List<String> sources, List<ItemVersion> versions,
                          List<ValidationRun> validationRuns, List<ArchiveEvent> events) {
}
