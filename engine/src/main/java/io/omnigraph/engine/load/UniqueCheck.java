package io.omnigraph.engine.load;

import io.omnigraph.engine.graph.EdgeTable;
import io.omnigraph.engine.graph.NodeTable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code @unique} groups over the graph as it will be after the commit: the staged rows (after
 * last-wins) among themselves, and against the snapshot rows the batch does not replace (none for a
 * type that overwrite replaces). A group with a null member never collides. Edge groups may name
 * {@code src}/{@code dst}, compared as endpoint ids. Memory: one hash entry per staged row of a
 * type with a unique group; the snapshot is scanned, not indexed.
 */
final class UniqueCheck {
  private final BatchStager st;
  private LoadException first;

  /** Values of rows by column ({@link TypePlan#SRC}/{@link TypePlan#DST} for endpoints). */
  private interface Rows {
    Object value(int row, int column);
  }

  UniqueCheck(BatchStager st) {
    this.st = st;
  }

  LoadException run() {
    st.nodes.values().forEach(s -> s.plan.uniqueGroups.forEach(g -> check(s, g)));
    st.edges.values().forEach(s -> s.plan.uniqueGroups.forEach(g -> check(s, g)));
    return first;
  }

  private void check(Stage s, int[] group) {
    Rows batch = batchRows(s);
    Map<Object, Integer> seen = new HashMap<>();
    for (int row = 0; row < s.size; row++) {
      Object key = key(group, batch, row);
      Integer earlier = key == null ? null : seen.putIfAbsent(key, row);
      if (earlier != null) {
        report(violation(s, group, row, key, "already used on line " + s.line(earlier)));
      }
    }
    if (!seen.isEmpty() && st.snapshotCounts(s.plan.name, s.plan.isEdge())) {
      checkSnapshot(s, group, seen);
    }
  }

  private void checkSnapshot(Stage s, int[] group, Map<Object, Integer> seen) {
    boolean edge = s.plan.isEdge();
    EdgeTable edges = edge ? st.snapshot.edges(s.plan.name) : null;
    NodeTable nodes = edge ? null : st.snapshot.nodes(s.plan.name);
    Rows old = edge ? snapshotEdges(s, edges) : (row, c) -> nodes.value(row, s.plan.props[c]);
    int n = edge ? edges.size() : nodes.size();
    for (int r = 0; r < n; r++) {
      String id = edge ? edges.id(r) : nodes.id(r);
      if (s.index.get(id) >= 0) {
        continue; // replaced by the batch
      }
      Object key = key(group, old, r);
      Integer batchRow = key == null ? null : seen.get(key);
      if (batchRow != null) {
        String by = s.plan.name + " " + Messages.quote(id) + " in the graph";
        report(violation(s, group, batchRow, key, "already used by " + by));
      }
    }
  }

  /** The group's value tuple (a single value or a list), or null when a member is null. */
  private static Object key(int[] group, Rows rows, int row) {
    if (group.length == 1) {
      return normal(rows.value(row, group[0]));
    }
    Object[] parts = new Object[group.length];
    for (int i = 0; i < group.length; i++) {
      parts[i] = normal(rows.value(row, group[i]));
      if (parts[i] == null) {
        return null;
      }
    }
    return Arrays.asList(parts);
  }

  private static Object normal(Object v) {
    return v instanceof Double d && d == 0.0 ? (Object) 0.0 : v;
  }

  private Rows batchRows(Stage s) {
    if (!(s instanceof EdgeStage e)) {
      return s::value;
    }
    String from = e.plan.edge.from();
    String to = e.plan.edge.to();
    return (row, c) ->
        switch (c) {
          case TypePlan.SRC -> EndpointCheck.endpointId(st, from, e.src[row]);
          case TypePlan.DST -> EndpointCheck.endpointId(st, to, e.dst[row]);
          default -> e.value(row, c);
        };
  }

  private Rows snapshotEdges(Stage s, EdgeTable t) {
    NodeTable from = st.snapshot.nodes(s.plan.edge.from());
    NodeTable to = st.snapshot.nodes(s.plan.edge.to());
    return (row, c) ->
        switch (c) {
          case TypePlan.SRC -> from.id(t.src(row));
          case TypePlan.DST -> to.id(t.dst(row));
          default -> t.value(row, s.plan.props[c]);
        };
  }

  private static LoadException violation(Stage s, int[] group, int row, Object key, String what) {
    return new LoadException(
        LoadCode.UNIQUE_VIOLATION,
        s.line(row),
        s.plan.groupSpelling(group)
            + " of "
            + s.plan.name
            + ": "
            + spell(key)
            + " is "
            + what
            + "; each "
            + s.plan.name
            + " needs its own value");
  }

  private static String spell(Object key) {
    if (key instanceof List<?> parts) {
      return parts.stream().map(UniqueCheck::spellOne).toList().toString();
    }
    return spellOne(key);
  }

  private static String spellOne(Object v) {
    return v instanceof String s ? Messages.quote(s) : String.valueOf(v);
  }

  private void report(LoadException e) {
    first = BatchValidator.earlier(first, e);
  }
}
