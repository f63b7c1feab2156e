package io.omnigraph.engine.graph;

import io.omnigraph.compiler.schema.Catalog;
import io.omnigraph.compiler.schema.EdgeType;
import io.omnigraph.compiler.schema.NodeType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link GraphSnapshot} built from rows in memory. The engine materialises snapshots of stored
 * graphs the same way; tests build small graphs with {@link #builder(Catalog)}.
 */
public final class InMemoryGraph implements GraphSnapshot {
  private final Catalog catalog;
  private final Map<String, NodeTable> nodes;
  private final Map<String, EdgeTable> edges;
  private final String commitId;

  private InMemoryGraph(
      Catalog catalog,
      Map<String, NodeTable> nodes,
      Map<String, EdgeTable> edges,
      String commitId) {
    this.catalog = catalog;
    this.nodes = nodes;
    this.edges = edges;
    this.commitId = commitId;
  }

  /** A snapshot over tables that are already materialised (one per declared type). */
  public static InMemoryGraph of(
      Catalog catalog,
      Map<String, NodeTable> nodes,
      Map<String, EdgeTable> edges,
      String commitId) {
    return new InMemoryGraph(catalog, Map.copyOf(nodes), Map.copyOf(edges), commitId);
  }

  public static Builder builder(Catalog catalog) {
    return new Builder(catalog);
  }

  @Override
  public Catalog catalog() {
    return catalog;
  }

  @Override
  public NodeTable nodes(String nodeType) {
    NodeTable t = nodes.get(nodeType);
    if (t == null) {
      throw new IllegalArgumentException("unknown node type " + nodeType);
    }
    return t;
  }

  @Override
  public EdgeTable edges(String edgeType) {
    EdgeType e =
        catalog
            .edge(edgeType)
            .orElseThrow(() -> new IllegalArgumentException("unknown edge type " + edgeType));
    return edges.get(e.name());
  }

  @Override
  public String commitId() {
    return commitId;
  }

  /** Collects rows; values must already be in the runtime representation of {@link Values}. */
  public static final class Builder {
    private final Catalog catalog;
    private final Map<String, List<Row>> nodeRows = new LinkedHashMap<>();
    private final Map<String, List<EdgeRow>> edgeRows = new LinkedHashMap<>();
    private String commitId;

    private record Row(String id, Map<String, Object> values) {}

    private record EdgeRow(String id, String src, String dst, Map<String, Object> values) {}

    private Builder(Catalog catalog) {
      this.catalog = catalog;
      catalog.nodes().keySet().forEach(n -> nodeRows.put(n, new ArrayList<>()));
      catalog.edges().keySet().forEach(e -> edgeRows.put(e, new ArrayList<>()));
    }

    public Builder node(String type, String id, Map<String, Object> values) {
      List<Row> rows = nodeRows.get(type);
      if (rows == null) {
        throw new IllegalArgumentException("unknown node type " + type);
      }
      rows.add(new Row(id, new HashMap<>(values)));
      return this;
    }

    public Builder edge(
        String type, String id, String src, String dst, Map<String, Object> values) {
      EdgeType e =
          catalog
              .edge(type)
              .orElseThrow(() -> new IllegalArgumentException("unknown edge type " + type));
      edgeRows.get(e.name()).add(new EdgeRow(id, src, dst, new HashMap<>(values)));
      return this;
    }

    public Builder commitId(String id) {
      this.commitId = id;
      return this;
    }

    public InMemoryGraph build() {
      Map<String, NodeTable> nodes = new HashMap<>();
      nodeRows.forEach(
          (type, rows) -> nodes.put(type, nodeTable(catalog.node(type).orElseThrow(), rows)));
      Map<String, EdgeTable> edges = new HashMap<>();
      edgeRows.forEach(
          (type, rows) -> {
            EdgeType e = catalog.edges().get(type);
            edges.put(type, edgeTable(e, rows, nodes.get(e.from()), nodes.get(e.to())));
          });
      return new InMemoryGraph(catalog, nodes, edges, commitId);
    }

    private static NodeTable nodeTable(NodeType type, List<Row> rows) {
      List<String> props = List.copyOf(type.properties().keySet());
      String[] ids = new String[rows.size()];
      Object[][] cols = new Object[props.size()][rows.size()];
      for (int r = 0; r < rows.size(); r++) {
        ids[r] = rows.get(r).id();
        for (int p = 0; p < props.size(); p++) {
          cols[p][r] = rows.get(r).values().get(props.get(p));
        }
      }
      return new NodeTable(type, props, ids, cols);
    }

    private static EdgeTable edgeTable(
        EdgeType type, List<EdgeRow> rows, NodeTable from, NodeTable to) {
      List<String> props = List.copyOf(type.properties().keySet());
      int n = rows.size();
      String[] ids = new String[n];
      int[] src = new int[n];
      int[] dst = new int[n];
      Object[][] cols = new Object[props.size()][n];
      for (int r = 0; r < n; r++) {
        EdgeRow row = rows.get(r);
        ids[r] = row.id();
        src[r] = require(from, row.src(), type, "source");
        dst[r] = require(to, row.dst(), type, "target");
        for (int p = 0; p < props.size(); p++) {
          cols[p][r] = row.values().get(props.get(p));
        }
      }
      return new EdgeTable(type, props, ids, src, dst, cols, from.size(), to.size());
    }

    private static int require(NodeTable t, String id, EdgeType e, String which) {
      int row = t.rowOf(id);
      if (row < 0) {
        throw new IllegalArgumentException(
            "edge " + e.name() + " " + which + " '" + id + "' is not a " + t.typeName() + " id");
      }
      return row;
    }
  }
}
