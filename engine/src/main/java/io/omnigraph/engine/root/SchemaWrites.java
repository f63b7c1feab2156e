package io.omnigraph.engine.root;

import io.omnigraph.engine.failpoint.Failpoints;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Lance phase of a schema apply: creates the datasets of added types (clearing leftovers of an
 * unpublished apply at the same path: the accepted identity state never handed that path out), then
 * renames, adds and soft-drops columns of existing tables on their heads (each after a head check
 * against its pin). Returns the new pins of main's tables. The caller rolls back on failure.
 */
final class SchemaWrites {
  private final GraphStore store;
  private final LanceTables lance;
  private final LanceSchemaOps ops;
  private int writes;

  SchemaWrites(GraphStore store, LanceTables lance) {
    this.store = store;
    this.lance = lance;
    this.ops = new LanceSchemaOps(lance);
  }

  Map<String, TablePin> run(SchemaChange change) {
    Map<String, TablePin> tables = new TreeMap<>(change.tables);
    for (SchemaChange.NewTable t : change.created) {
      store.objects().deletePrefix(t.path() + "/");
      long v = lance.createEmpty(store.datasetUri(t.path()), t.schema());
      tables.put(t.key(), new TablePin(t.path(), null, v));
      wrote();
    }
    for (SchemaChange.TableWork w : change.work.values()) {
      LanceTables.Loc loc = store.tableUri(w.base);
      lance.checkHead(loc, w.base.version());
      long v = w.base.version();
      if (!w.renames.isEmpty()) {
        v = ops.rename(loc, w.renames);
        wrote();
      }
      if (!w.adds.isEmpty()) {
        v = ops.add(loc, w.adds);
        wrote();
      }
      if (!w.drops.isEmpty()) {
        v = ops.drop(loc, w.drops);
        wrote();
      }
      tables.put(w.key, w.base.withVersion(v));
    }
    return tables;
  }

  private void wrote() {
    if (++writes == 1) {
      Failpoints.hit(Failpoints.SCHEMA_APPLY_AFTER_FIRST_TABLE_WRITE);
    }
  }
}
