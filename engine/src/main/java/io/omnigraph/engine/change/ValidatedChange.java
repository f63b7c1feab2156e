package io.omnigraph.engine.change;

import io.omnigraph.engine.load.StagedBatch;
import java.util.Map;
import java.util.Set;

/**
 * A validated {@link ChangeSet}, ready to be written as one graph commit: the upserts as a
 * merge-mode {@link StagedBatch} (null when there are none) and the ids to delete per table key
 * ({@code node:T}/{@code edge:E}).
 */
public record ValidatedChange(StagedBatch upserts, Map<String, Set<String>> deletes) {
  public boolean isEmpty() {
    return (upserts == null || upserts.totalEntities() == 0) && deletes.isEmpty();
  }
}
