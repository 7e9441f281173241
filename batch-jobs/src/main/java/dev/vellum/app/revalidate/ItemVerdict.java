package dev.vellum.app.revalidate;

import dev.vellum.app.store.Item;

/**
 * The outcome of validating one item: the EN 319 102-1 indication and sub-indication (the worst
 * signature's), the detected level, and the full report as JSON for the store.
 */
public record ItemVerdict(Item item, int version, String indication, String subIndication, String level,
                          byte[] reportJson) {
}
