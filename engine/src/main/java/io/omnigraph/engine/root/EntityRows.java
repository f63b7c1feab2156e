package io.omnigraph.engine.root;

import io.omnigraph.compiler.schema.EdgeType;
import io.omnigraph.engine.change.Upsert;
import io.omnigraph.engine.graph.EdgeTable;
import io.omnigraph.engine.graph.GraphSnapshot;
import io.omnigraph.engine.graph.NodeTable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The rows of one node or edge type of a materialised state, by id, for entity-level comparison
 * (merges): values by property (nulls left out) plus an edge's endpoint ids.
 */
record EntityRows(boolean edge, String type, Map<String, Row> rows) {
  /** One entity: endpoints (edges only) and non-null values. */
  record Row(String from, String to, Map<String, Object> values) {
    boolean sameAs(Row o) {
      if (o == null) {
        return false;
      }
      if (!Objects.equals(from, o.from) || !Objects.equals(to, o.to)) {
        return false;
      }
      if (!values.keySet().equals(o.values.keySet())) {
        return false;
      }
      for (Map.Entry<String, Object> e : values.entrySet()) {
        if (!sameValue(e.getValue(), o.values.get(e.getKey()))) {
          return false;
        }
      }
      return true;
    }

    Upsert upsert(boolean edge, String type, String id, int origin) {
      return new Upsert(edge, type, id, from, to, values, origin);
    }
  }

  static boolean same(Row a, Row b) {
    return a == null ? b == null : a.sameAs(b);
  }

  private static boolean sameValue(Object a, Object b) {
    if (a instanceof float[] x && b instanceof float[] y) {
      return Arrays.equals(x, y);
    }
    if (a instanceof byte[] x && b instanceof byte[] y) {
      return Arrays.equals(x, y);
    }
    return Objects.equals(a, b);
  }

  static EntityRows nodes(GraphSnapshot s, String type) {
    NodeTable t = s.nodes(type);
    Map<String, Row> rows = new LinkedHashMap<>();
    for (int r = 0; r < t.size(); r++) {
      rows.put(t.id(r), new Row(null, null, values(t.properties(), t::value, r)));
    }
    return new EntityRows(false, type, rows);
  }

  static EntityRows edges(GraphSnapshot s, EdgeType e) {
    EdgeTable t = s.edges(e.name());
    NodeTable from = s.nodes(e.from());
    NodeTable to = s.nodes(e.to());
    Map<String, Row> rows = new LinkedHashMap<>();
    for (int r = 0; r < t.size(); r++) {
      rows.put(
          t.id(r),
          new Row(from.id(t.src(r)), to.id(t.dst(r)), values(t.properties(), t::value, r)));
    }
    return new EntityRows(true, e.name(), rows);
  }

  private interface Cell {
    Object value(int row, int column);
  }

  private static Map<String, Object> values(List<String> props, Cell cell, int r) {
    Map<String, Object> m = new HashMap<>();
    for (int c = 0; c < props.size(); c++) {
      Object v = cell.value(r, c);
      if (v != null) {
        m.put(props.get(c), v);
      }
    }
    return m;
  }
}
