package io.omnigraph.engine.exec;

import io.omnigraph.compiler.query.FilterOp;
import io.omnigraph.compiler.query.ir.IrExpr;
import io.omnigraph.compiler.query.ir.MatchItem;
import io.omnigraph.compiler.schema.PropType;
import io.omnigraph.compiler.schema.ScalarType;
import io.omnigraph.engine.graph.EdgeTable;
import io.omnigraph.engine.graph.NodeTable;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Compiles IR expressions into {@link RowExpr}s over binding rows of one block ({@link Frame}).
 * Literals and parameters fold to constants. {@code rrf} needs the final binding table (its ranks
 * are computed over every matched row), so it compiles only when {@code rows} is given. Compiled
 * expressions are memoised, so an expression projected and ordered on is computed once.
 */
final class ExprCompiler {
  private final ExecContext ctx;
  private final Frame frame;
  private final Bindings rows;
  private final TieBreak tie;
  private final Map<IrExpr, RowExpr> memo = new HashMap<>();

  ExprCompiler(ExecContext ctx, Frame frame, Bindings rows, TieBreak tie) {
    this.ctx = ctx;
    this.frame = frame;
    this.rows = rows;
    this.tie = tie;
  }

  ExecContext ctx() {
    return ctx;
  }

  Frame frame() {
    return frame;
  }

  RowExpr compile(IrExpr e) {
    RowExpr r = memo.get(e);
    if (r == null) {
      r = build(e);
      memo.put(e, r);
    }
    return r;
  }

  private RowExpr build(IrExpr e) {
    return switch (e) {
      case IrExpr.Literal l -> constant(LiteralValues.of(l.value()));
      case IrExpr.Param p -> constant(ctx.param(p.name()));
      case IrExpr.Prop p -> prop(p);
      case IrExpr.Entity en -> entity(en);
      case IrExpr.TextMatch m -> TextFunctions.match(this, m);
      case IrExpr.Bm25 b -> TextFunctions.bm25(this, b);
      case IrExpr.Nearest n -> VectorFunctions.nearest(this, n);
      case IrExpr.Rrf r -> RrfScores.compile(this, r, requireRows(), tie);
      case IrExpr.Aggregate a ->
          throw new IllegalStateException("aggregates are computed by the grouping stage");
      case IrExpr.ColumnRef c ->
          throw new IllegalStateException("alias references are resolved by the projection");
    };
  }

  private Bindings requireRows() {
    if (rows == null) {
      throw new IllegalStateException("rrf(…) is only computed over the final rows");
    }
    return rows;
  }

  private static RowExpr constant(Object v) {
    return r -> v;
  }

  static boolean isConstant(IrExpr e) {
    return e instanceof IrExpr.Literal || e instanceof IrExpr.Param;
  }

  /** The value of a literal or parameter. */
  Object constantValue(IrExpr e) {
    return compile(e).eval(null);
  }

  private RowExpr prop(IrExpr.Prop p) {
    Slot s = frame.slot(p.var());
    int slot = s.index();
    if (s.isEdge()) {
      EdgeTable t = s.edges();
      int col = t.column(p.property());
      return col < 0 ? constant(null) : r -> edgeValue(t, r.get(slot), col);
    }
    NodeTable t = s.nodes();
    int col = t.column(p.property());
    return col < 0 ? constant(null) : r -> nodeValue(t, r.get(slot), col);
  }

  private static Object nodeValue(NodeTable t, int row, int col) {
    return row < 0 ? null : t.value(row, col);
  }

  private static Object edgeValue(EdgeTable t, int row, int col) {
    return row < 0 ? null : t.value(row, col);
  }

  private RowExpr entity(IrExpr.Entity e) {
    Slot s = frame.slot(e.var());
    int slot = s.index();
    NodeTable t = s.nodes();
    return r -> {
      int row = r.get(slot);
      return row < 0 ? null : new NodeRef(t, row);
    };
  }

  /** A filter line or inline property match. */
  Cond filter(MatchItem.Filter f) {
    IrExpr left = f.left();
    IrExpr right = f.right();
    RowExpr l = coerced(left, right);
    RowExpr r = coerced(right, left);
    FilterOp op = f.op();
    RowPredicate p = row -> FilterOps.test(op, l.eval(row), r.eval(row));
    return new Cond(p, needs(left, right), equality(op, left, right, r));
  }

  /** A text-search clause. */
  Cond textFilter(MatchItem.TextFilter t) {
    RowExpr m = compile(t.match());
    return new Cond(row -> Boolean.TRUE.equals(m.eval(row)), needs(t.match()), null);
  }

  /**
   * {@code e} compiled; a numeric constant compared with an F32 property is rounded to float
   * precision first, as stored F32 values are.
   */
  private RowExpr coerced(IrExpr e, IrExpr other) {
    if (isConstant(e) && other instanceof IrExpr.Prop p && isF32(p.propType())) {
      Object v = constantValue(e);
      Object rounded = v instanceof Number n ? (Object) (double) n.floatValue() : v;
      return constant(rounded);
    }
    return compile(e);
  }

  private static boolean isF32(PropType t) {
    return t.scalar() == ScalarType.F32 && !t.isVector();
  }

  private Cond.EqConst equality(FilterOp op, IrExpr left, IrExpr right, RowExpr value) {
    if (op != FilterOp.EQ || !(left instanceof IrExpr.Prop p) || !isConstant(right)) {
      return null;
    }
    return new Cond.EqConst(p.var(), p.property(), value.eval(null));
  }

  private BitSet needs(IrExpr... exprs) {
    BitSet b = new BitSet();
    for (IrExpr e : exprs) {
      for (String v : vars(e)) {
        b.set(frame.slot(v).index());
      }
    }
    return b;
  }

  /** The match variables an expression reads. */
  static Set<String> vars(IrExpr e) {
    Set<String> out = new LinkedHashSet<>();
    collect(e, out);
    return out;
  }

  private static void collect(IrExpr e, Set<String> out) {
    switch (e) {
      case IrExpr.Prop p -> out.add(p.var());
      case IrExpr.Entity en -> out.add(en.var());
      case IrExpr.TextMatch m -> {
        collect(m.field(), out);
        collect(m.query(), out);
        if (m.maxEdits() != null) {
          collect(m.maxEdits(), out);
        }
      }
      case IrExpr.Bm25 b -> {
        collect(b.field(), out);
        collect(b.query(), out);
      }
      case IrExpr.Nearest n -> {
        collect(n.vector(), out);
        collect(n.query(), out);
      }
      case IrExpr.Rrf r -> {
        collect(r.first(), out);
        collect(r.second(), out);
        collect(r.k(), out);
      }
      case IrExpr.Aggregate a -> collect(a.arg(), out);
      case IrExpr.Literal l -> {}
      case IrExpr.Param p -> {}
      case IrExpr.ColumnRef c -> {}
    }
  }
}
