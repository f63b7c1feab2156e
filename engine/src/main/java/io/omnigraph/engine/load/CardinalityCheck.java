package io.omnigraph.engine.load;

import io.omnigraph.compiler.schema.EdgeType;
import io.omnigraph.engine.graph.EdgeTable;
import io.omnigraph.engine.graph.NodeTable;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code @card(min..max)} per source node over the graph as it will be after the commit, for each
 * edge type with a non-default card. A source node's count is its snapshot out-degree (zero when
 * overwrite replaces the edge type), minus snapshot edges the batch moves away by id, plus the
 * staged edges leaving it. Checked nodes:
 *
 * <ul>
 *   <li>every source of a staged edge, and every former source of a snapshot edge the batch
 *       replaces: min and max;
 *   <li>every staged node of the source type that is new (not in the snapshot) or whose type
 *       overwrite replaces: min;
 *   <li>when overwrite replaces the edge type: every source node of the resulting graph: min.
 * </ul>
 *
 * Existing nodes that the batch neither touches through edges nor inserts are not re-checked.
 */
final class CardinalityCheck {
  private final BatchStager st;
  private LoadException first;

  /** The running edge count of one source node and the first line that touched it. */
  private static final class Tally {
    int count;
    int line = Integer.MAX_VALUE;
    boolean over;
  }

  CardinalityCheck(BatchStager st) {
    this.st = st;
  }

  LoadException run() {
    for (EdgeType e : st.snapshot.catalog().edges().values()) {
      if (e.hasExplicitCard() && touched(e)) {
        check(e, st.edges.get(e.name()));
      }
    }
    return first;
  }

  private boolean touched(EdgeType e) {
    return st.edges.containsKey(e.name()) || st.nodes.containsKey(e.from());
  }

  private void check(EdgeType e, EdgeStage edges) {
    Map<String, Tally> tallies = new HashMap<>();
    if (edges != null) {
      countStaged(e, edges, tallies);
    }
    tallies.forEach((src, t) -> checkMin(e, src, t.count, t.line, "would have"));
    Stage sources = st.nodes.get(e.from());
    if (sources != null) {
      checkNewSources(e, sources, tallies);
    }
    if (edges != null && !st.snapshotCounts(e.name(), true)) {
      checkUntouchedSnapshotSources(e, edges, tallies);
    }
  }

  /** One pass over the staged edges in row order; reports the edge that exceeds max. */
  private void countStaged(EdgeType e, EdgeStage edges, Map<String, Tally> tallies) {
    boolean snapshotEdges = st.snapshotCounts(e.name(), true);
    if (snapshotEdges) {
      subtractReplaced(e, edges, tallies);
    }
    for (int row = 0; row < edges.size; row++) {
      String src = EndpointCheck.endpointId(st, e.from(), edges.src[row]);
      Tally t = tallies.get(src);
      if (t == null) {
        t = new Tally();
        t.count = snapshotEdges ? snapshotDegree(e, src) : 0;
        tallies.put(src, t);
      }
      t.count++;
      t.line = Math.min(t.line, edges.line(row));
      if (e.cardMax() != null && t.count > e.cardMax() && !t.over) {
        t.over = true;
        report(tooMany(e, src, edges.line(row)));
      }
    }
  }

  /** Snapshot edges the batch updates by id no longer count at their old source. */
  private void subtractReplaced(EdgeType e, EdgeStage edges, Map<String, Tally> tallies) {
    EdgeTable old = st.snapshot.edges(e.name());
    NodeTable from = st.snapshot.nodes(e.from());
    for (int row = edges.updates.nextSetBit(0); row >= 0; row = edges.updates.nextSetBit(row + 1)) {
      String src = from.id(old.src(st.snapshotEdgeRow(e.name(), edges.knownId(row))));
      Tally t = tallies.computeIfAbsent(src, k -> new Tally());
      if (t.line == Integer.MAX_VALUE) {
        t.count = snapshotDegree(e, src);
      }
      t.count--;
      t.line = Math.min(t.line, edges.line(row));
    }
  }

  private int snapshotDegree(EdgeType e, String src) {
    if (!st.snapshotCounts(e.from(), false) && st.nodes.get(e.from()).index.get(src) < 0) {
      return 0;
    }
    int row = st.snapshot.nodes(e.from()).rowOf(src);
    return row < 0 ? 0 : st.snapshot.edges(e.name()).out().degree(row);
  }

  private void checkNewSources(EdgeType e, Stage sources, Map<String, Tally> tallies) {
    if (e.cardMin() == 0) {
      return;
    }
    boolean all = !st.snapshotCounts(e.from(), false);
    boolean snapshotEdges = st.snapshotCounts(e.name(), true);
    for (int row = 0; row < sources.size; row++) {
      if (!all && sources.updates.get(row)) {
        continue;
      }
      String id = sources.id(row);
      Tally t = tallies.get(id);
      int count = t != null ? t.count : snapshotEdges ? snapshotDegree(e, id) : 0;
      checkMin(e, id, count, sources.line(row), "would have");
    }
  }

  /** Overwrite of the edge type: sources in the graph that get no staged edge now have none. */
  private void checkUntouchedSnapshotSources(EdgeType e, EdgeStage edges, Map<String, Tally> t) {
    if (e.cardMin() == 0 || !st.snapshotCounts(e.from(), false)) {
      return;
    }
    NodeTable from = st.snapshot.nodes(e.from());
    Stage staged = st.nodes.get(e.from());
    for (int row = 0; row < from.size(); row++) {
      String id = from.id(row);
      if (!t.containsKey(id) && (staged == null || staged.index.get(id) < 0)) {
        checkMin(e, id, 0, edges.firstLine, "(in the graph) would have");
      }
    }
  }

  private void checkMin(EdgeType e, String src, int count, int line, String verb) {
    if (count < e.cardMin()) {
      report(
          new LoadException(
              LoadCode.CARDINALITY_VIOLATION,
              line,
              e.from()
                  + " "
                  + Messages.quote(src)
                  + " "
                  + verb
                  + " "
                  + count
                  + " "
                  + e.name()
                  + " edge(s), but @card("
                  + e.renderCard()
                  + ") needs at least "
                  + e.cardMin()
                  + "; add its "
                  + e.name()
                  + " edges to this batch"));
    }
  }

  private static LoadException tooMany(EdgeType e, String src, int line) {
    return new LoadException(
        LoadCode.CARDINALITY_VIOLATION,
        line,
        "this "
            + e.name()
            + " edge gives "
            + e.from()
            + " "
            + Messages.quote(src)
            + " more than "
            + e.cardMax()
            + " "
            + e.name()
            + " edge(s), over @card("
            + e.renderCard()
            + "); remove extra edges or use merge with the existing edge's id");
  }

  private void report(LoadException e) {
    first = BatchValidator.earlier(first, e);
  }
}
