package io.omnigraph.engine.exec;

import io.omnigraph.compiler.query.ir.MatchItem;
import io.omnigraph.engine.graph.Adjacency;
import io.omnigraph.engine.graph.EdgeTable;
import java.util.List;

/**
 * Runs one traversal ({@code $a edge{min,max} $b}, {@code <edge>}, {@code $a $w:edge $b}) over a
 * binding table in which at least one endpoint is bound, through the CSR adjacency of the edge.
 *
 * <ul>
 *   <li>Without an edge binding a traversal is a relation on node pairs: per input row each
 *       neighbour is emitted once (parallel edges, and for {@code <edge>} a pair linked both ways
 *       or a self-loop, count once).
 *   <li>With an edge binding it emits one row per matching edge; an undirected self-loop is one
 *       edge, so one row.
 *   <li>Hop bounds: breadth-first from the bound endpoint; the nodes first reached at hop h−1 are
 *       expanded at hop h (visited nodes are never re-expanded, the start node counts as visited);
 *       every node seen at a hop within {@code [min, max]} is reported once per start node,
 *       including the start itself when a cycle or self-loop leads back to it. An edge whose from
 *       and to types differ cannot continue past hop 1.
 *   <li>Both endpoints bound: a membership test (with an edge binding, one row per linking edge).
 * </ul>
 *
 * Conditions that become testable with the new bindings are checked before a row is appended. In
 * existence mode ({@code firstOnly}) at most one row per input row is produced.
 */
final class Expander {
  /** Up to this many incident edges, one-hop dedupe scans a small buffer instead of stamps. */
  private static final int SMALL_DEGREE = 32;

  private interface EdgeVisitor {
    /** Returns true to stop the iteration. */
    boolean visit(int neighbour, int edge);
  }

  private final Bindings in;
  private final MatchItem.Traverse t;
  private final EdgeTable et;
  private final int src;
  private final int dst;
  private final int edge;
  private final List<Cond> ready;
  private final boolean firstOnly;
  private final Bindings.Builder out;
  private final Cursor cur;
  private final boolean canContinue;
  private final int stampSize;
  private final int[] recent = new int[SMALL_DEGREE];
  private int recentSize;
  private int[] visit;
  private int[] report;
  private int gen;
  private int lastStart = -1;

  Expander(
      ExecContext ctx,
      Frame frame,
      Bindings in,
      MatchItem.Traverse t,
      List<Cond> ready,
      boolean firstOnly,
      boolean[] outSlots) {
    this.in = in;
    this.t = t;
    this.et = ctx.graph().edges(t.edgeType());
    this.src = frame.slot(t.src()).index();
    this.dst = frame.slot(t.dst()).index();
    this.edge = t.edgeVar() == null ? -1 : frame.slot(t.edgeVar()).index();
    this.ready = ready;
    this.firstOnly = firstOnly;
    this.out = ctx.builder(outSlots);
    this.cur = new Cursor(in.width());
    this.canContinue = et.type().symmetric();
    int fromSize = ctx.graph().nodes(et.type().from()).size();
    int toSize = ctx.graph().nodes(et.type().to()).size();
    this.stampSize = Math.max(fromSize, toSize);
  }

  /** Allocates the per-node stamp arrays on first need (hop bounds, high-degree dedupe). */
  private void stamps() {
    if (visit == null) {
      visit = new int[stampSize];
      report = new int[stampSize];
    }
  }

  Bindings run() {
    boolean srcBound = in.bound(src);
    boolean dstBound = in.bound(dst);
    for (int i = 0; i < in.size(); i++) {
      cur.at(in, i);
      if (srcBound && dstBound) {
        both(cur.get(src), cur.get(dst));
      } else if (srcBound) {
        from(cur.get(src), true, dst);
      } else {
        from(cur.get(dst), false, src);
      }
    }
    return out.build();
  }

  private boolean singleHop() {
    return t.minHops() == 1 && t.maxHops() == 1;
  }

  /** Expands from {@code x} (forward = from the source side), binding {@code toSlot}. */
  private void from(int x, boolean forward, int toSlot) {
    if (edge >= 0) {
      each(x, forward, (m, e) -> emit(toSlot, m, e));
    } else if (singleHop() && degree(x, forward) <= SMALL_DEGREE) {
      recentSize = 0;
      each(x, forward, (m, e) -> firstRecent(m) && emit(toSlot, m, -1));
    } else if (singleHop()) {
      stamps();
      gen++;
      each(x, forward, (m, e) -> firstTime(m) && emit(toSlot, m, -1));
    } else {
      bfs(x, forward, m -> emit(toSlot, m, -1));
    }
  }

  private int degree(int x, boolean forward) {
    int d = (forward ? et.out() : et.in()).degree(x);
    return t.undirected() ? d + (forward ? et.in() : et.out()).degree(x) : d;
  }

  private boolean firstRecent(int m) {
    for (int i = 0; i < recentSize; i++) {
      if (recent[i] == m) {
        return false;
      }
    }
    recent[recentSize++] = m;
    return true;
  }

  private boolean firstTime(int m) {
    if (report[m] == gen) {
      return false;
    }
    report[m] = gen;
    return true;
  }

  private void both(int a, int b) {
    if (edge >= 0) {
      each(a, true, (m, e) -> m == b && emit(dst, b, e));
    } else if (singleHop()) {
      if (each(a, true, (m, e) -> m == b)) {
        emit(dst, b, -1);
      }
    } else {
      if (a != lastStart) {
        bfs(a, true, m -> false);
        lastStart = a;
      }
      if (report[b] == gen) {
        emit(dst, b, -1);
      }
    }
  }

  /** Appends the candidate if its conditions hold; true when the caller should stop. */
  private boolean emit(int toSlot, int node, int edgeRow) {
    cur.set(toSlot, node);
    if (edgeRow >= 0) {
      cur.set(edge, edgeRow);
    }
    boolean ok = BlockMatcher.all(ready, cur);
    if (ok) {
      out.append(cur);
    }
    cur.clear(toSlot);
    if (edge >= 0) {
      cur.clear(edge);
    }
    return ok && firstOnly;
  }

  /** Visits the edges at node {@code x}; returns true when the visitor stopped it. */
  private boolean each(int x, boolean forward, EdgeVisitor v) {
    Adjacency a = forward ? et.out() : et.in();
    for (int p = a.start(x); p < a.end(x); p++) {
      int e = a.at(p);
      if (v.visit(forward ? et.dst(e) : et.src(e), e)) {
        return true;
      }
    }
    if (!t.undirected()) {
      return false;
    }
    Adjacency b = forward ? et.in() : et.out();
    for (int p = b.start(x); p < b.end(x); p++) {
      int e = b.at(p);
      if (et.src(e) != et.dst(e) && v.visit(forward ? et.src(e) : et.dst(e), e)) {
        return true;
      }
    }
    return false;
  }

  private void bfs(int start, boolean forward, java.util.function.IntPredicate onReport) {
    stamps();
    gen++;
    visit[start] = gen;
    int[] frontier = {start};
    int size = 1;
    for (int hop = 1; hop <= t.maxHops() && size > 0; hop++) {
      Frontier next = new Frontier();
      boolean reportHop = hop >= t.minHops();
      boolean expand = canContinue && hop < t.maxHops();
      for (int f = 0; f < size; f++) {
        boolean stop =
            each(
                frontier[f],
                forward,
                (m, e) -> {
                  if (expand && visit[m] != gen) {
                    visit[m] = gen;
                    next.add(m);
                  }
                  return reportHop && firstTime(m) && onReport.test(m);
                });
        if (stop) {
          return;
        }
      }
      frontier = next.items;
      size = next.size;
    }
  }

  private static final class Frontier {
    int[] items = new int[8];
    int size;

    void add(int v) {
      if (size == items.length) {
        items = java.util.Arrays.copyOf(items, size * 2);
      }
      items[size++] = v;
    }
  }
}
