package dev.vellum.app.jobs;

import java.time.Clock;
import java.util.function.Function;

import dev.vellum.app.store.ArchiveIndex;
import dev.vellum.app.store.EventLog;
import dev.vellum.app.store.EventType;
import dev.vellum.app.store.Item;

import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Quarantines an archived item whose processing in an item job (upgrade, revalidate, renew) failed,
 * with the job's stage and the failure as reason; the item itself stays archived and untouched.
 *
 * @param <O> what the job's processor produces; {@code itemOf} finds the item in it
 */
public final class ItemSkipQuarantine<O> implements SkipListener<Item, O> {
    private final String stage;
    private final ArchiveIndex index;
    private final EventLog events;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final Function<O, Item> itemOf;

    public ItemSkipQuarantine(String stage, ArchiveIndex index, EventLog events, Clock clock,
                              TransactionTemplate transactions, Function<O, Item> itemOf) {
        this.stage = stage;
        this.index = index;
        this.events = events;
        this.clock = clock;
        this.transactions = transactions;
        this.itemOf = itemOf;
    }

    @Override
    public void onSkipInProcess(Item item, Throwable t) {
        record(item, t);
    }

    @Override
    public void onSkipInWrite(O output, Throwable t) {
        record(itemOf.apply(output), t);
    }

    private void record(Item item, Throwable t) {
        StepContext context = StepSynchronizationManager.getContext();
        Long jobExecutionId = context == null ? null : context.getStepExecution().getJobExecutionId();
        String reason = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        String source = "item " + item.id();
        boolean recorded = Boolean.TRUE.equals(transactions.execute(status -> {
            events.lockHead();
            if (index.isQuarantined(stage, source, item.original())) {
                return false;
            }
            long id = index.quarantine(stage, source, item.original(), item.sizeBytes(), item.id(), reason,
                    clock.instant(), jobExecutionId);
            events.append(EventType.QUARANTINED, item.id(), "quarantine=" + id + " stage=" + stage + " reason=" + reason);
            return true;
        }));
        if (context != null) {
            Tally.add(context.getStepExecution(), recorded ? "quarantined" : "alreadyQuarantined", 1);
        }
    }
}
