package io.omnigraph.engine.graph;

import io.omnigraph.compiler.schema.EdgeType;
import java.util.List;

/**
 * The rows of one edge type at one snapshot, column-wise, with endpoints resolved to row numbers of
 * the source and target {@link NodeTable}s, and adjacency in both directions (CSR: for each source
 * row the edge rows leaving it, sorted by edge id; likewise for target rows). Immutable.
 */
public final class EdgeTable {
  private final EdgeType type;
  private final Columns columns;
  private final String[] ids;
  private final int[] src;
  private final int[] dst;
  private final Adjacency out;
  private final Adjacency in;

  /**
   * @param type the edge type
   * @param properties the edge property names, in the order of {@code columns}
   * @param ids the physical id of each edge row
   * @param src the source node row of each edge (in the {@code from} node table)
   * @param dst the target node row of each edge (in the {@code to} node table)
   * @param columns {@code columns[p][row]}
   * @param fromSize rows in the source node table
   * @param toSize rows in the target node table
   */
  public EdgeTable(
      EdgeType type,
      List<String> properties,
      String[] ids,
      int[] src,
      int[] dst,
      Object[][] columns,
      int fromSize,
      int toSize) {
    this.type = type;
    this.columns = new Columns(properties, columns);
    this.ids = ids;
    this.src = src;
    this.dst = dst;
    this.out = Adjacency.build(src, fromSize, ids);
    this.in = Adjacency.build(dst, toSize, ids);
  }

  public EdgeType type() {
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

  public int src(int row) {
    return src[row];
  }

  public int dst(int row) {
    return dst[row];
  }

  /** Edges leaving each source node row. */
  public Adjacency out() {
    return out;
  }

  /** Edges arriving at each target node row. */
  public Adjacency in() {
    return in;
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
