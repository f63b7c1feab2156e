package io.omnigraph.engine.exec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * The rows of a read, in their final order. Each row holds one value per column, in the runtime
 * representation of {@link io.omnigraph.engine.graph.Values} ({@code null} for NULL), with whole
 * entities as {@link EntityValue}.
 */
public record QueryResult(List<ResultColumn> columns, List<Object[]> rows) {
  public QueryResult {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }

  public int rowCount() {
    return rows.size();
  }

  /** The rows as lists (convenient for comparisons). */
  public List<List<Object>> values() {
    return rows.stream().map(r -> Arrays.asList(r.clone())).toList();
  }

  /** The values of one column, by name. */
  public List<Object> column(String name) {
    int i = columnIndex(name);
    return rows.stream().map(r -> r[i]).toList();
  }

  public int columnIndex(String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no column named " + name);
  }

  /**
   * The read result envelope (03 §4, 06 §4): {@code {query_name, target:{branch, snapshot},
   * row_count, columns:[{name, type}], rows:[{column: value, …}], graph_commit_id}}; rows are
   * objects keyed by column name in column order; {@code graph_commit_id} is left out when null.
   */
  public ObjectNode toJson(String queryName, ReadTarget target, String graphCommitId) {
    return ResultEncoder.envelope(this, queryName, target, graphCommitId);
  }

  /**
   * Streams the same envelope as {@link #toJson} into {@code g} (no tree in between: what the
   * server writes into a response).
   */
  public void writeJson(JsonGenerator g, String queryName, ReadTarget target, String graphCommitId)
      throws IOException {
    ResultEncoder.write(g, this, queryName, target, graphCommitId);
  }
}
