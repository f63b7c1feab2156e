package io.omnigraph.engine.load;

import java.util.Arrays;
import java.util.List;

/**
 * The validated rows of one type in a {@link StagedBatch}, column-wise. Row order is the order in
 * which ids first appeared in the input; a later record for the same id (merge/overwrite) replaced
 * the values in place. Values follow {@link io.omnigraph.engine.graph.Values}; every declared
 * property has a column (null = absent). Immutable once the batch is built.
 */
public abstract sealed class StagedRows permits StagedNodes, StagedEdges {
  final Stage stage;
  private final List<String> properties;

  StagedRows(Stage stage) {
    this.stage = stage;
    this.properties = List.copyOf(Arrays.asList(stage.plan.props));
  }

  /** The logical type name as declared in the schema. */
  public String name() {
    return stage.plan.name;
  }

  public int size() {
    return stage.size;
  }

  /** The entity id: derived from the key, supplied, or a generated ULID. */
  public String id(int row) {
    return stage.id(row);
  }

  /** Property names in declaration order (the column order). */
  public List<String> properties() {
    return properties;
  }

  /** The column of a property, or -1. */
  public int column(String property) {
    Integer c = stage.plan.columns.get(property);
    return c == null ? -1 : c;
  }

  public Object value(int row, int column) {
    return stage.value(row, column);
  }

  public Object value(int row, String property) {
    int c = column(property);
    return c < 0 ? null : stage.value(row, c);
  }

  /** Whether the row's id exists in the snapshot (merge updates it; append never has such rows). */
  public boolean updatesExisting(int row) {
    return stage.updates.get(row);
  }

  /** The input line the row's values came from (the last one for a replaced id). */
  public int line(int row) {
    return stage.line(row);
  }
}
