package io.omnigraph.engine.load;

import io.omnigraph.compiler.schema.EdgeType;
import io.omnigraph.engine.graph.EdgeTable;
import io.omnigraph.engine.graph.NodeTable;

/**
 * After the whole batch is read: resolves the edge endpoints that were forward references, re-
 * resolves references to snapshot nodes of types that overwrite replaces, and (overwrite only)
 * finds edges of untouched types that would point to nodes the batch drops. Every reference ends as
 * a batch row or a snapshot row; the first problem (lowest line) is returned, not thrown.
 */
final class EndpointCheck {
  private final BatchStager st;
  private LoadException first;

  EndpointCheck(BatchStager st) {
    this.st = st;
  }

  LoadException run() {
    for (EdgeStage e : st.edges.values()) {
      resolveAll(e);
    }
    if (st.mode == LoadMode.OVERWRITE) {
      st.nodes.values().forEach(this::dangling);
    }
    return first;
  }

  private void resolveAll(EdgeStage e) {
    EdgeType t = e.plan.edge;
    for (int row = 0; row < e.size; row++) {
      e.src[row] = resolve(e, row, t.from(), e.src[row], e.pendingSrc, "from");
      e.dst[row] = resolve(e, row, t.to(), e.dst[row], e.pendingDst, "to");
    }
    e.pendingSrc = null;
    e.pendingDst = null;
  }

  private int resolve(EdgeStage e, int row, String type, int ref, String[] pending, String end) {
    boolean snapshotCounts = st.snapshotCounts(type, false);
    if (ref >= 0 || (EdgeStage.isSnapshot(ref) && snapshotCounts)) {
      return ref;
    }
    String id =
        ref == EdgeStage.PENDING
            ? pending[row]
            : st.snapshot.nodes(type).id(EdgeStage.snapshotRow(ref));
    Stage nodes = st.nodes.get(type);
    int r = nodes == null ? -1 : st.batchRow(nodes, id);
    if (r < 0) {
      report(unknown(e, row, type, id, end, snapshotCounts));
    }
    return r;
  }

  private static LoadException unknown(
      EdgeStage e, int row, String type, String id, String end, boolean snapshotCounts) {
    String where =
        snapshotCounts
            ? "in the graph or in this batch"
            : "in this batch (overwrite replaces every " + type + ")";
    return new LoadException(
        LoadCode.UNKNOWN_ENDPOINT,
        e.line(row),
        "edge "
            + e.plan.name
            + " '"
            + end
            + "' is "
            + Messages.quote(id)
            + ", which is no "
            + type
            + " id "
            + where
            + "; load that "
            + type
            + " (any line of the batch) or fix the id");
  }

  /** Overwrite of node type T: untouched edge types must not keep edges to dropped T ids. */
  private void dangling(Stage replaced) {
    String type = replaced.plan.name;
    NodeTable old = st.snapshot.nodes(type);
    for (EdgeType et : st.snapshot.catalog().edgesTouching(type)) {
      if (st.edges.containsKey(et.name())) {
        continue;
      }
      EdgeTable edges = st.snapshot.edges(et.name());
      for (int row = 0; row < edges.size(); row++) {
        String missing = droppedEndpoint(replaced, old, et, edges, row);
        if (missing != null) {
          report(danglingError(replaced, et, edges.id(row), missing));
          return;
        }
      }
    }
  }

  private String droppedEndpoint(Stage s, NodeTable old, EdgeType et, EdgeTable edges, int row) {
    String type = s.plan.name;
    if (et.from().equals(type) && st.batchRow(s, old.id(edges.src(row))) < 0) {
      return old.id(edges.src(row));
    }
    if (et.to().equals(type) && st.batchRow(s, old.id(edges.dst(row))) < 0) {
      return old.id(edges.dst(row));
    }
    return null;
  }

  private static LoadException danglingError(Stage s, EdgeType et, String edgeId, String nodeId) {
    String type = s.plan.name;
    return new LoadException(
        LoadCode.DANGLING_EDGE,
        s.firstLine,
        "overwrite replaces every "
            + type
            + ", but the graph's "
            + et.name()
            + " edge "
            + Messages.quote(edgeId)
            + " points to "
            + type
            + " "
            + Messages.quote(nodeId)
            + ", which this batch leaves out; include that "
            + type
            + " or overwrite "
            + et.name()
            + " in the same batch");
  }

  private void report(LoadException e) {
    first = BatchValidator.earlier(first, e);
  }

  /** The id of an endpoint reference (after resolution). */
  static String endpointId(BatchStager st, String type, int ref) {
    if (ref >= 0) {
      return st.nodes.get(type).knownId(ref);
    }
    return st.snapshot.nodes(type).id(EdgeStage.snapshotRow(ref));
  }
}
