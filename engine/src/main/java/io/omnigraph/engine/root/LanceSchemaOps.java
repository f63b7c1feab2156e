package io.omnigraph.engine.root;

import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Field;
import org.lance.Dataset;
import org.lance.cleanup.CleanupPolicy;
import org.lance.schema.ColumnAlteration;

/**
 * The Lance calls of schema apply (docs/lance-notes.md §4, §7): column renames ({@code
 * alterColumns}), all-null adds ({@code addColumns}), soft drops ({@code dropColumns}; older
 * versions keep the column) and the hard cleanup of a table's older versions. Each call runs on the
 * table's head and returns the new head version.
 */
final class LanceSchemaOps {
  private final LanceTables lance;

  LanceSchemaOps(LanceTables lance) {
    this.lance = lance;
  }

  long rename(LanceTables.Loc loc, Map<String, String> renames) {
    try (Dataset ds = lance.open(loc, null)) {
      ds.alterColumns(
          renames.entrySet().stream()
              .map(e -> new ColumnAlteration.Builder(e.getKey()).rename(e.getValue()).build())
              .toList());
      return ds.version();
    }
  }

  long add(LanceTables.Loc loc, List<Field> fields) {
    try (Dataset ds = lance.open(loc, null)) {
      ds.addColumns(fields);
      return ds.version();
    }
  }

  long drop(LanceTables.Loc loc, List<String> columns) {
    try (Dataset ds = lance.open(loc, null)) {
      ds.dropColumns(columns);
      return ds.version();
    }
  }

  /** Hard drop of a property: removes every version of the table older than {@code keep}. */
  void cleanupBefore(LanceTables.Loc loc, long keep) {
    try (Dataset ds = lance.open(loc, null)) {
      ds.cleanupWithPolicy(
          CleanupPolicy.builder()
              .withBeforeVersion(keep)
              .withErrorIfTaggedOldVersions(false)
              .build());
    }
  }
}
