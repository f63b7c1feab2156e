package io.omnigraph.engine.root;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnigraph.compiler.query.ir.CompiledQuery;
import io.omnigraph.compiler.schema.Catalog;
import io.omnigraph.compiler.schema.EdgeType;
import io.omnigraph.compiler.schema.NodeType;
import io.omnigraph.engine.graph.EdgeTable;
import io.omnigraph.engine.graph.GraphSnapshot;
import io.omnigraph.engine.graph.NodeTable;
import java.util.HashMap;
import java.util.Map;

/**
 * A snapshot of one branch of a graph root at one manifest version. Its tables are pinned when it
 * is made and read when first touched (an edge table also reads its endpoint node tables), so a
 * query reads only the tables it uses; later touches return the same objects. Reading does not need
 * the {@link GraphRoot} that made the snapshot to stay open.
 */
public final class RootSnapshot implements GraphSnapshot {
  private final Catalog catalog;
  private final SnapshotReader.Source source;
  private final String commitId;
  private final long manifestVersion;
  private final Map<String, NodeTable> nodes = new HashMap<>();
  private final Map<String, EdgeTable> edges = new HashMap<>();

  RootSnapshot(
      Catalog catalog, SnapshotReader.Source source, String commitId, long manifestVersion) {
    this.catalog = catalog;
    this.source = source;
    this.commitId = commitId;
    this.manifestVersion = manifestVersion;
  }

  @Override
  public Catalog catalog() {
    return catalog;
  }

  @Override
  public synchronized NodeTable nodes(String nodeType) {
    NodeTable t = nodes.get(nodeType);
    if (t == null) {
      NodeType type = catalog.nodes().get(nodeType);
      if (type == null) {
        throw new IllegalArgumentException("unknown node type " + nodeType);
      }
      t = source.node(type);
      nodes.put(nodeType, t);
    }
    return t;
  }

  @Override
  public synchronized EdgeTable edges(String edgeType) {
    EdgeType e =
        catalog
            .edge(edgeType)
            .orElseThrow(() -> new IllegalArgumentException("unknown edge type " + edgeType));
    EdgeTable t = edges.get(e.name());
    if (t == null) {
      t = source.edge(e, nodes(e.from()), nodes(e.to()));
      edges.put(e.name(), t);
    }
    return t;
  }

  /**
   * This snapshot for one read: when {@code query} only looks up one node by its String key (see
   * {@link PointRead}) and that table is not read yet, a snapshot whose table of that type holds
   * just that row, found by a filter inside Lance instead of reading the whole table (what a
   * one-shot process such as {@code omnigraph query} wants); otherwise this snapshot.
   */
  public RootSnapshot forQuery(CompiledQuery query, JsonNode params) {
    PointRead.Target t = PointRead.of(catalog, query, params);
    if (t == null) {
      return this;
    }
    synchronized (this) {
      if (nodes.containsKey(t.nodeType())) {
        return this;
      }
    }
    RootSnapshot s = new RootSnapshot(catalog, source, commitId, manifestVersion);
    s.nodes.put(t.nodeType(), source.nodeWithId(catalog.nodes().get(t.nodeType()), t.id()));
    return s;
  }

  /** Reads every table now (for callers that want all I/O up front). */
  public RootSnapshot materialize() {
    catalog.nodes().keySet().forEach(this::nodes);
    catalog.edges().keySet().forEach(this::edges);
    return this;
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
