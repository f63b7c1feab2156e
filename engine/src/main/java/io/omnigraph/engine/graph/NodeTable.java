package io.omnigraph.engine.graph;

import io.omnigraph.compiler.schema.NodeType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rows of one node type at one snapshot, held column-wise in memory. Row numbers are dense
 * ({@code 0 … size()-1}) and stable for the life of the table; edges refer to nodes by row number.
 * Values follow {@link Values} (the runtime representation of each schema type). Immutable.
 */
public final class NodeTable {
  private final NodeType type;
  private final Columns columns;
  private final String[] ids;
  private final Map<String, Integer> rowById;

  /**
   * @param type the node type
   * @param properties the property names, in the order of {@code columns}
   * @param ids the physical id of each row
   * @param columns {@code columns[p][row]}: the value of property {@code p} in {@code row}
   */
  public NodeTable(NodeType type, List<String> properties, String[] ids, Object[][] columns) {
    this.type = type;
    this.columns = new Columns(properties, columns);
    this.ids = ids;
    this.rowById = new HashMap<>(ids.length * 2);
    for (int i = 0; i < ids.length; i++) {
      rowById.put(ids[i], i);
    }
  }

  public NodeType type() {
    return type;
  }

  public String typeName() {
    return type.name();
  }

  public int size() {
    return ids.length;
  }

  public String id(int row) {
    return ids[row];
  }

  /** The row holding {@code id}, if any. */
  public Optional<Integer> row(String id) {
    return Optional.ofNullable(rowById.get(id));
  }

  /** The row holding {@code id}, or -1. */
  public int rowOf(String id) {
    Integer r = rowById.get(id);
    return r == null ? -1 : r;
  }

  public List<String> properties() {
    return columns.names();
  }

  /** The column index of a property, or -1 when the table has no such column. */
  public int column(String property) {
    return columns.column(property);
  }

  public Object value(int row, int column) {
    return columns.value(row, column);
  }

  public Object value(int row, String property) {
    return columns.value(row, property);
  }
}
