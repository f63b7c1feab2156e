package io.omnigraph.engine.root;

import io.omnigraph.compiler.schema.Catalog;
import io.omnigraph.compiler.schema.EdgeType;
import io.omnigraph.engine.graph.EdgeTable;
import io.omnigraph.engine.graph.GraphSnapshot;
import io.omnigraph.engine.graph.NodeTable;
import java.util.Map;

/** A materialised snapshot of one branch of a graph root at one manifest version. */
public final class RootSnapshot implements GraphSnapshot {
  private final Catalog catalog;
  private final Map<String, NodeTable> nodes;
  private final Map<String, EdgeTable> edges;
  private final String commitId;
  private final long manifestVersion;

  RootSnapshot(
      Catalog catalog,
      Map<String, NodeTable> nodes,
      Map<String, EdgeTable> edges,
      String commitId,
      long manifestVersion) {
    this.manifestVersion = manifestVersion;
    this.catalog = catalog;
    this.nodes = Map.copyOf(nodes);
    this.edges = Map.copyOf(edges);
    this.commitId = commitId;
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

  /** The graph manifest version this snapshot pins. */
  public long manifestVersion() {
    return manifestVersion;
  }

  @Override
  public String commitId() {
    return commitId;
  }
}
