package io.omnigraph.engine.exec.mutate;

import io.omnigraph.compiler.query.ir.MutationOp;
import io.omnigraph.compiler.schema.EdgeType;
import io.omnigraph.compiler.schema.TypeKind;
import io.omnigraph.engine.change.ChangeSet;
import io.omnigraph.engine.exec.FilterOps;
import io.omnigraph.engine.graph.EdgeTable;
import io.omnigraph.engine.graph.GraphSnapshot;
import io.omnigraph.engine.graph.NodeTable;
import java.util.Map;
import java.util.Set;

/**
 * {@code delete T where p op v}: marks the matching rows that earlier statements have not deleted
 * yet; {@link #cascade} then adds the incident edges of every deleted node (all edge types whose
 * endpoint type is the node's type).
 */
final class Deletes {
  private final GraphSnapshot snapshot;
  private final MutationValues values;
  private final ChangeSet out;

  Deletes(GraphSnapshot snapshot, MutationValues values, ChangeSet out) {
    this.snapshot = snapshot;
    this.values = values;
    this.out = out;
  }

  void run(MutationOp.Delete d, int stmt) {
    Object target = values.eval(d.where().value());
    MutationOp.Predicate p = d.where();
    if (d.kind() == TypeKind.NODE) {
      NodeTable t = snapshot.nodes(d.typeName());
      Set<String> gone = out.nodeDeletes().getOrDefault(d.typeName(), Set.of());
      for (int r = 0; r < t.size(); r++) {
        String id = t.id(r);
        Object v = "id".equals(p.property()) ? id : t.value(r, p.property());
        if (!gone.contains(id) && FilterOps.test(p.op(), v, target)) {
          out.deleteNode(d.typeName(), id, stmt);
        }
      }
      return;
    }
    EdgeType e = snapshot.catalog().edge(d.typeName()).orElseThrow();
    EdgeTable t = snapshot.edges(e.name());
    NodeTable from = snapshot.nodes(e.from());
    NodeTable to = snapshot.nodes(e.to());
    for (int r = 0; r < t.size(); r++) {
      Object v =
          switch (p.property()) {
            case "id" -> t.id(r);
            case "from" -> from.id(t.src(r));
            case "to" -> to.id(t.dst(r));
            default -> t.value(r, p.property());
          };
      if (FilterOps.test(p.op(), v, target)) {
        out.deleteEdge(e.name(), t.id(r), stmt);
      }
    }
  }

  /** Adds every edge incident to a deleted node (origin: the statement that deleted the node). */
  static void cascade(GraphSnapshot snapshot, ChangeSet cs) {
    Map<String, Set<String>> nodes = cs.nodeDeletes();
    for (EdgeType e : snapshot.catalog().edges().values()) {
      Set<String> fromGone = nodes.getOrDefault(e.from(), Set.of());
      Set<String> toGone = nodes.getOrDefault(e.to(), Set.of());
      if (fromGone.isEmpty() && toGone.isEmpty()) {
        continue;
      }
      EdgeTable t = snapshot.edges(e.name());
      NodeTable from = snapshot.nodes(e.from());
      NodeTable to = snapshot.nodes(e.to());
      for (int r = 0; r < t.size(); r++) {
        String src = from.id(t.src(r));
        String dst = to.id(t.dst(r));
        if (fromGone.contains(src)) {
          cs.deleteEdge(e.name(), t.id(r), cs.deleteOrigin(false, e.from(), src));
        } else if (toGone.contains(dst)) {
          cs.deleteEdge(e.name(), t.id(r), cs.deleteOrigin(false, e.to(), dst));
        }
      }
    }
  }
}
