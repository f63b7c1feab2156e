package io.omnigraph.engine.exec.mutate;

import io.omnigraph.engine.change.ChangeSet;

/**
 * What a mutation query changes, before validation: the {@link ChangeSet} (origins are 1-based
 * statement numbers) and the affected entity counts of 03 §5 (distinct nodes and edges inserted,
 * updated or deleted, cascaded edges included).
 */
public record MutationPlan(ChangeSet changes, int affectedNodes, int affectedEdges) {
  public boolean isEmpty() {
    return changes.isEmpty();
  }
}
