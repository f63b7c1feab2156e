package io.omnigraph.engine.root;

import io.omnigraph.compiler.schema.Catalog;
import io.omnigraph.engine.graph.EdgeTable;
import io.omnigraph.engine.graph.GraphSnapshot;
import io.omnigraph.engine.graph.InMemoryGraph;
import io.omnigraph.engine.graph.NodeTable;
import java.util.Map;

/** A materialised snapshot of one branch of a graph root at one manifest version. */
public final class RootSnapshot implements GraphSnapshot {
  private final InMemoryGraph tables;
  private final long manifestVersion;

  RootSnapshot(
      Catalog catalog,
      Map<String, NodeTable> nodes,
      Map<String, EdgeTable> edges,
      String commitId,
      long manifestVersion) {
    this.tables = InMemoryGraph.of(catalog, nodes, edges, commitId);
    this.manifestVersion = manifestVersion;
  }

  @Override
  public Catalog catalog() {
    return tables.catalog();
  }

  @Override
  public NodeTable nodes(String nodeType) {
    return tables.nodes(nodeType);
  }

  @Override
  public EdgeTable edges(String edgeType) {
    return tables.edges(edgeType);
  }

  /** The graph manifest version this snapshot pins. */
  public long manifestVersion() {
    return manifestVersion;
  }

  @Override
  public String commitId() {
    return tables.commitId();
  }
}
