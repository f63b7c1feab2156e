package io.omnigraph.engine.load;

import io.omnigraph.compiler.schema.Catalog;
import io.omnigraph.compiler.schema.EdgeType;
import io.omnigraph.compiler.schema.NodeType;
import io.omnigraph.engine.graph.EdgeTable;
import io.omnigraph.engine.graph.GraphSnapshot;
import io.omnigraph.engine.graph.InMemoryGraph;
import io.omnigraph.engine.graph.NodeTable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies a {@link StagedBatch} to the snapshot it was validated against, in memory: the graph the
 * commit publishes. For each type, overwrite keeps only the staged rows; otherwise the snapshot
 * rows stay in place (a staged row with the same id takes its place) and new ids follow. The
 * storage layer writes the same image to Lance; tests and in-memory engines use this directly.
 */
public final class InMemoryCommit {
  private InMemoryCommit() {}

  public static InMemoryGraph apply(GraphSnapshot base, StagedBatch batch, String commitId) {
    Catalog catalog = base.catalog();
    InMemoryGraph.Builder out = InMemoryGraph.builder(catalog).commitId(commitId);
    for (NodeType t : catalog.nodes().values()) {
      StagedNodes staged = batch.nodes(t.name()).orElse(null);
      boolean replaced = batch.replacedNodeTypes().contains(t.name());
      copyNodes(out, base.nodes(t.name()), staged, replaced);
    }
    for (EdgeType e : catalog.edges().values()) {
      StagedEdges staged = batch.edges(e.name()).orElse(null);
      boolean replaced = batch.replacedEdgeTypes().contains(e.name());
      copyEdges(out, base, e, staged, replaced);
    }
    return out.build();
  }

  private static void copyNodes(
      InMemoryGraph.Builder out, NodeTable old, StagedNodes staged, boolean replaced) {
    Map<String, Integer> stagedRows = rowsById(staged);
    Set<String> written = new HashSet<>();
    for (int r = 0; !replaced && r < old.size(); r++) {
      Integer s = stagedRows.get(old.id(r));
      out.node(old.typeName(), old.id(r), s == null ? values(old, r) : values(staged, s));
      written.add(old.id(r));
    }
    for (int r = 0; staged != null && r < staged.size(); r++) {
      if (!written.contains(staged.id(r))) {
        out.node(staged.name(), staged.id(r), values(staged, r));
      }
    }
  }

  private static void copyEdges(
      InMemoryGraph.Builder out,
      GraphSnapshot base,
      EdgeType e,
      StagedEdges staged,
      boolean replaced) {
    EdgeTable old = base.edges(e.name());
    NodeTable from = base.nodes(e.from());
    NodeTable to = base.nodes(e.to());
    Map<String, Integer> stagedRows = rowsById(staged);
    Set<String> written = new HashSet<>();
    for (int r = 0; !replaced && r < old.size(); r++) {
      Integer s = stagedRows.get(old.id(r));
      if (s == null) {
        Map<String, Object> v = values(old, r);
        out.edge(e.name(), old.id(r), from.id(old.src(r)), to.id(old.dst(r)), v);
      } else {
        out.edge(e.name(), old.id(r), staged.src(s), staged.dst(s), values(staged, s));
      }
      written.add(old.id(r));
    }
    for (int r = 0; staged != null && r < staged.size(); r++) {
      if (!written.contains(staged.id(r))) {
        out.edge(e.name(), staged.id(r), staged.src(r), staged.dst(r), values(staged, r));
      }
    }
  }

  private static Map<String, Integer> rowsById(StagedRows staged) {
    Map<String, Integer> m = new HashMap<>();
    for (int r = 0; staged != null && r < staged.size(); r++) {
      m.put(staged.id(r), r);
    }
    return m;
  }

  private static Map<String, Object> values(StagedRows rows, int r) {
    Map<String, Object> m = new HashMap<>();
    for (int c = 0; c < rows.properties().size(); c++) {
      putIfPresent(m, rows.properties().get(c), rows.value(r, c));
    }
    return m;
  }

  private static Map<String, Object> values(NodeTable t, int r) {
    return columns(t.properties(), c -> t.value(r, c));
  }

  private static Map<String, Object> values(EdgeTable t, int r) {
    return columns(t.properties(), c -> t.value(r, c));
  }

  private static Map<String, Object> columns(
      List<String> props, java.util.function.IntFunction<Object> value) {
    Map<String, Object> m = new HashMap<>();
    for (int c = 0; c < props.size(); c++) {
      putIfPresent(m, props.get(c), value.apply(c));
    }
    return m;
  }

  private static void putIfPresent(Map<String, Object> m, String k, Object v) {
    if (v != null) {
      m.put(k, v);
    }
  }
}
