package io.omnigraph.engine.change;

import io.omnigraph.compiler.schema.Catalog;
import io.omnigraph.compiler.schema.EdgeType;
import io.omnigraph.engine.graph.EdgeTable;
import io.omnigraph.engine.graph.GraphSnapshot;
import io.omnigraph.engine.graph.NodeTable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A branch state minus the deletions of a {@link ChangeSet}, as a view: tables of types the
 * deletions do not touch are the base's own; a node table with deletions, and an edge table with
 * deletions or whose endpoint types lost nodes, is rebuilt (once, on first use) without the deleted
 * rows. Surviving edges must not point at deleted nodes (checked before).
 */
final class ReducedSnapshot implements GraphSnapshot {
  private final GraphSnapshot base;
  private final ChangeSet cs;
  private final Map<String, NodeTable> nodes = new HashMap<>();
  private final Map<String, EdgeTable> edges = new HashMap<>();

  ReducedSnapshot(GraphSnapshot base, ChangeSet cs) {
    this.base = base;
    this.cs = cs;
  }

  @Override
  public Catalog catalog() {
    return base.catalog();
  }

  @Override
  public String commitId() {
    return base.commitId();
  }

  @Override
  public NodeTable nodes(String type) {
    Set<String> gone = cs.nodeDeletes().get(type);
    if (gone == null || gone.isEmpty()) {
      return base.nodes(type);
    }
    return nodes.computeIfAbsent(type, t -> without(base.nodes(t), gone));
  }

  @Override
  public EdgeTable edges(String type) {
    EdgeType e = catalog().edge(type).orElseThrow();
    Set<String> gone = cs.edgeDeletes().getOrDefault(e.name(), Set.of());
    boolean endpointsChanged =
        cs.nodeDeletes().containsKey(e.from()) || cs.nodeDeletes().containsKey(e.to());
    if (gone.isEmpty() && !endpointsChanged) {
      return base.edges(e.name());
    }
    return edges.computeIfAbsent(e.name(), n -> without(e, base.edges(n), gone));
  }

  private static NodeTable without(NodeTable t, Set<String> gone) {
    List<String> props = t.properties();
    int n = t.size() - (int) countIn(t, gone);
    String[] ids = new String[n];
    Object[][] cols = new Object[props.size()][n];
    int k = 0;
    for (int r = 0; r < t.size(); r++) {
      if (!gone.contains(t.id(r))) {
        ids[k] = t.id(r);
        for (int c = 0; c < props.size(); c++) {
          cols[c][k] = t.value(r, c);
        }
        k++;
      }
    }
    return new NodeTable(t.type(), props, ids, cols);
  }

  private static long countIn(NodeTable t, Set<String> gone) {
    long n = 0;
    for (int r = 0; r < t.size(); r++) {
      if (gone.contains(t.id(r))) {
        n++;
      }
    }
    return n;
  }

  private EdgeTable without(EdgeType e, EdgeTable t, Set<String> gone) {
    NodeTable oldFrom = base.nodes(e.from());
    NodeTable oldTo = base.nodes(e.to());
    NodeTable from = nodes(e.from());
    NodeTable to = nodes(e.to());
    List<String> props = t.properties();
    int n = 0;
    for (int r = 0; r < t.size(); r++) {
      n += gone.contains(t.id(r)) ? 0 : 1;
    }
    String[] ids = new String[n];
    int[] src = new int[n];
    int[] dst = new int[n];
    Object[][] cols = new Object[props.size()][n];
    int k = 0;
    for (int r = 0; r < t.size(); r++) {
      if (gone.contains(t.id(r))) {
        continue;
      }
      ids[k] = t.id(r);
      src[k] = from.rowOf(oldFrom.id(t.src(r)));
      dst[k] = to.rowOf(oldTo.id(t.dst(r)));
      for (int c = 0; c < props.size(); c++) {
        cols[c][k] = t.value(r, c);
      }
      k++;
    }
    return new EdgeTable(e, props, ids, src, dst, cols, from.size(), to.size());
  }
}
