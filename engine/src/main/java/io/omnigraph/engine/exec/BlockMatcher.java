package io.omnigraph.engine.exec;

import io.omnigraph.compiler.query.ir.MatchItem;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates one match block (the top level, or a {@code not { }} body) as an order-independent
 * conjunction (00 §Language clarifications 2), planning greedily at run time:
 *
 * <ol>
 *   <li>conditions (inline property matches, filters, text searches) are tested as soon as every
 *       variable they read is bound — inside the scan or traversal that binds the last one, before
 *       a row is materialised;
 *   <li>each step picks the cheapest way to bind more variables: a scan of an unbound variable's
 *       node type (cost: 1 for a key lookup, a tenth of the table with another constant equality,
 *       else the table size) or a traversal from a bound endpoint (cost: rows × average degree,
 *       compounded over hops; a traversal between two bound endpoints is a membership test and
 *       always goes first); scans of unconnected variables are cross products and come last;
 *   <li>{@code not { }} blocks run as anti-joins once the outer variables they mention are bound.
 * </ol>
 *
 * In existence mode (inside {@code not { }}) a step that binds variables nothing else reads keeps
 * only the first matching row per input row.
 */
final class BlockMatcher {
  private final ExecContext ctx;
  private final Frame frame;
  private final boolean existence;
  private final List<Cond> conds = new ArrayList<>();
  private final Map<String, MatchItem.Scan> scans = new LinkedHashMap<>();
  private final List<MatchItem.Traverse> traverses = new ArrayList<>();
  private final List<MatchItem.Negation> negations = new ArrayList<>();
  private final BitSet bound = new BitSet();

  BlockMatcher(ExecContext ctx, Frame frame, List<MatchItem> items, boolean existence) {
    this.ctx = ctx;
    this.frame = frame;
    this.existence = existence;
    ExprCompiler exprs = new ExprCompiler(ctx, frame, null, null);
    for (MatchItem item : items) {
      switch (item) {
        case MatchItem.Scan s -> {
          scans.put(s.var(), s);
          s.props().forEach(f -> conds.add(exprs.filter(f)));
        }
        case MatchItem.Traverse t -> traverses.add(t);
        case MatchItem.Filter f -> conds.add(exprs.filter(f));
        case MatchItem.TextFilter tf -> conds.add(exprs.textFilter(tf));
        case MatchItem.Negation n -> negations.add(n);
      }
    }
  }

  static boolean all(List<Cond> ready, RowAccess r) {
    for (Cond c : ready) {
      if (!c.predicate().test(r)) {
        return false;
      }
    }
    return true;
  }

  Bindings run(Bindings seed) {
    boolean[] seeded = seed.boundSlots();
    for (int i = 0; i < seeded.length; i++) {
      if (seeded[i]) {
        bound.set(i);
      }
    }
    Bindings rows = filter(seed, takeReady());
    rows = negate(rows);
    while ((!scans.isEmpty() || !traverses.isEmpty()) && rows.size() > 0) {
      rows = negate(step(rows));
    }
    return rows.size() == 0 ? rows : filter(rows, takeReady());
  }

  private Bindings step(Bindings rows) {
    double best = Double.POSITIVE_INFINITY;
    MatchItem.Traverse bestTraverse = null;
    String bestScan = null;
    for (MatchItem.Traverse t : traverses) {
      boolean s = isBound(t.src());
      boolean d = isBound(t.dst());
      double cost = s || d ? Costs.traverse(ctx, t, s, d) : Double.POSITIVE_INFINITY;
      if (cost < best) {
        best = cost;
        bestTraverse = t;
      }
    }
    for (String v : unboundVars()) {
      double cost = scanCost(v);
      if (cost < best || bestTraverse == null && bestScan == null) {
        best = cost;
        bestScan = v;
        bestTraverse = null;
      }
    }
    return bestTraverse != null ? traverse(rows, bestTraverse) : scan(rows, bestScan);
  }

  private double scanCost(String v) {
    return Math.max(1, ScanCandidates.estimate(frame.slot(v), v, conds));
  }

  private Set<String> unboundVars() {
    Set<String> out = new LinkedHashSet<>(scans.keySet());
    for (MatchItem.Traverse t : traverses) {
      out.add(t.src());
      out.add(t.dst());
    }
    out.removeIf(this::isBound);
    return out;
  }

  private boolean isBound(String var) {
    return bound.get(frame.slot(var).index());
  }

  private Bindings scan(Bindings rows, String var) {
    Slot s = frame.slot(var);
    int slot = s.index();
    markBound(slot);
    List<Cond> ready = takeReady();
    int[] candidates = ScanCandidates.rows(s, var, ready);
    boolean firstOnly = existence && dead(slot);
    Bindings.Builder out = ctx.builder(boundSlots());
    Cursor c = new Cursor(rows.width());
    int n = candidates == null ? s.tableSize() : candidates.length;
    for (int i = 0; i < rows.size(); i++) {
      c.at(rows, i);
      for (int j = 0; j < n; j++) {
        c.set(slot, candidates == null ? j : candidates[j]);
        if (all(ready, c)) {
          out.append(c);
          if (firstOnly) {
            break;
          }
        }
      }
      c.clear(slot);
    }
    return out.build();
  }

  private Bindings traverse(Bindings rows, MatchItem.Traverse t) {
    traverses.remove(t);
    int src = frame.slot(t.src()).index();
    int dst = frame.slot(t.dst()).index();
    int edge = t.edgeVar() == null ? -1 : frame.slot(t.edgeVar()).index();
    BitSet before = (BitSet) bound.clone();
    markBound(src);
    markBound(dst);
    if (edge >= 0) {
      markBound(edge);
    }
    List<Cond> ready = takeReady();
    boolean firstOnly = existence;
    for (int slot : new int[] {src, dst, edge}) {
      firstOnly &= slot < 0 || before.get(slot) || dead(slot);
    }
    return new Expander(ctx, frame, rows, t, ready, firstOnly, boundSlots()).run();
  }

  private void markBound(int slot) {
    bound.set(slot);
    scans.values().removeIf(s -> frame.slot(s.var()).index() == slot);
  }

  private boolean[] boundSlots() {
    boolean[] b = new boolean[ctx.space().width()];
    bound.stream().forEach(i -> b[i] = true);
    return b;
  }

  /** Removes and returns the conditions whose variables are all bound. */
  private List<Cond> takeReady() {
    List<Cond> ready = new ArrayList<>();
    for (Iterator<Cond> it = conds.iterator(); it.hasNext(); ) {
      Cond c = it.next();
      if (c.readyWith(bound)) {
        ready.add(c);
        it.remove();
      }
    }
    return ready;
  }

  /** Whether nothing still pending in this block reads {@code slot}. */
  private boolean dead(int slot) {
    for (Cond c : conds) {
      if (c.needs().get(slot)) {
        return false;
      }
    }
    for (MatchItem.Traverse t : traverses) {
      if (slotOf(t.src()) == slot || slotOf(t.dst()) == slot) {
        return false;
      }
    }
    for (MatchItem.Negation n : negations) {
      for (int o : AntiJoin.slots(frame, n.outerVariables())) {
        if (o == slot) {
          return false;
        }
      }
    }
    return true;
  }

  private int slotOf(String var) {
    return frame.slot(var).index();
  }

  private Bindings filter(Bindings rows, List<Cond> ready) {
    if (ready.isEmpty()) {
      return rows;
    }
    Bindings.Builder out = ctx.builder(rows.boundSlots());
    Cursor c = new Cursor(rows.width());
    for (int i = 0; i < rows.size(); i++) {
      if (all(ready, c.at(rows, i))) {
        out.append(c);
      }
    }
    return out.build();
  }

  /** Runs the {@code not { }} blocks whose outer variables are all bound. */
  private Bindings negate(Bindings rows) {
    for (Iterator<MatchItem.Negation> it = negations.iterator(); it.hasNext(); ) {
      MatchItem.Negation n = it.next();
      boolean ready = true;
      for (int o : AntiJoin.slots(frame, n.outerVariables())) {
        ready &= bound.get(o);
      }
      if (ready && rows.size() > 0) {
        it.remove();
        rows = AntiJoin.apply(ctx, frame, n, rows);
      }
    }
    return rows;
  }
}
