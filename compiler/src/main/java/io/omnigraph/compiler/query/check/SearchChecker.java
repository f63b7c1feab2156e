package io.omnigraph.compiler.query.check;

import io.omnigraph.compiler.query.QueryCode;
import io.omnigraph.compiler.query.ast.QueryAst.Call;
import io.omnigraph.compiler.query.ast.QueryAst.Expr;
import io.omnigraph.compiler.query.ast.QueryAst.Prop;
import io.omnigraph.compiler.query.ast.QueryAst.Var;
import io.omnigraph.compiler.query.check.ExprChecker.Use;
import io.omnigraph.compiler.query.ir.IrExpr;
import io.omnigraph.compiler.query.ir.TextFn;
import io.omnigraph.compiler.query.ir.Value;
import io.omnigraph.compiler.schema.PropType;
import io.omnigraph.compiler.schema.ScalarType;
import java.math.BigInteger;
import java.util.Locale;

/**
 * The search and ranking functions of 03 §7: {@code search}, {@code fuzzy} (T19), {@code
 * match_text}, {@code bm25} (T20), {@code nearest} (T15) and {@code rrf} (T21). Text functions work
 * on any String property (an inverted index only speeds them up); none of them may target an edge
 * binding (T23).
 */
final class SearchChecker {
  private static final IrExpr DEFAULT_K =
      new IrExpr.Literal(
          new Value.Int(BigInteger.valueOf(60)), PropType.scalar(ScalarType.I64, false));

  private final CheckContext ctx;
  private final ExprChecker exprs;

  SearchChecker(CheckContext ctx, ExprChecker exprs) {
    this.ctx = ctx;
    this.exprs = exprs;
  }

  IrExpr textMatch(Call c, Scope scope) {
    TextFn fn = TextFn.valueOf(c.fn().text().toUpperCase(Locale.ROOT));
    QueryCode code = fn == TextFn.MATCH_TEXT ? QueryCode.T20 : QueryCode.T19;
    IrExpr.Prop field = textField(c, scope, code, QueryCode.T6);
    IrExpr query = textQuery(c, c.args().get(1), scope, code);
    IrExpr edits = c.args().size() > 2 ? maxEdits(c.args().get(2), scope) : null;
    if (field == null || query == null || (c.args().size() > 2 && edits == null)) {
      return null;
    }
    return new IrExpr.TextMatch(fn, field, query, edits);
  }

  /** {@code bm25}; when it ranks (in order or rrf) unknown names are T15, else T6. */
  IrExpr bm25(Call c, Scope scope, boolean ranking) {
    IrExpr.Prop field = textField(c, scope, QueryCode.T20, ranking ? QueryCode.T15 : QueryCode.T6);
    IrExpr query = textQuery(c, c.args().get(1), scope, QueryCode.T20);
    return field == null || query == null ? null : new IrExpr.Bm25(field, query);
  }

  /** The String property searched by {@code c}; unknown names get {@code unknown}. */
  private IrExpr.Prop textField(Call c, Scope scope, QueryCode code, QueryCode unknown) {
    String fn = c.fn().text();
    String example = fn + "($x.name, $q)";
    IrExpr.Prop field = target(c.args().get(0), scope, fn, example, code, unknown);
    if (field == null || Compat.isString(field.propType())) {
      return field;
    }
    Expr arg = c.args().get(0);
    ctx.error(
        code,
        arg.start(),
        arg.end(),
        fn
            + " needs a String property; "
            + field.ownerType()
            + "."
            + field.property()
            + " is "
            + Compat.r(field.propType()));
    return null;
  }

  /**
   * {@code $x.prop} as the first argument of a search or ranking function: {@code shape} reports a
   * non-property argument, {@code unknown} an unbound variable or unknown property; edge bindings
   * are refused (T23).
   */
  private IrExpr.Prop target(
      Expr arg, Scope scope, String fn, String example, QueryCode shape, QueryCode unknown) {
    if (!(arg instanceof Prop p)) {
      ctx.error(
          shape,
          arg.start(),
          arg.end(),
          "the first argument of " + fn + " must be a property, as in " + example);
      return null;
    }
    VarInfo v = scope.lookup(p.var().text());
    if (v == null) {
      String what =
          ctx.params.containsKey(p.var().text())
              ? "$" + p.var().text() + " is a parameter, not a bound node,"
              : "unknown variable $" + p.var().text();
      ctx.error(
          unknown,
          p.var().start(),
          p.var().end(),
          what + " in " + fn + "(…); bind the node in the match block, as in $x: Type");
      return null;
    }
    if (v.poisoned()) {
      return null;
    }
    if (v.isEdge()) {
      ctx.error(
          QueryCode.T23,
          arg.start(),
          arg.end(),
          fn + " cannot use edge binding $" + v.name() + "; use a property of a node");
      return null;
    }
    return exprs.resolveProperty(p, v, unknown);
  }

  private IrExpr textQuery(Call c, Expr arg, Scope scope, QueryCode code) {
    IrExpr e = exprs.check(arg, scope, Use.FILTER);
    if (e == null) {
      return null;
    }
    if (!(e.type().valueType() instanceof PropType t) || !Compat.isString(t)) {
      ctx.error(
          code,
          arg.start(),
          arg.end(),
          "the query text of " + c.fn().text() + " must be a String, not " + e.type().render());
      return null;
    }
    return e;
  }

  private IrExpr maxEdits(Expr arg, Scope scope) {
    IrExpr e = exprs.check(arg, scope, Use.FILTER);
    if (e == null) {
      return null;
    }
    if (!(e.type().valueType() instanceof PropType t) || !Compat.isInteger(t)) {
      ctx.error(
          QueryCode.T19,
          arg.start(),
          arg.end(),
          "fuzzy's max_edits must be an integer, as in fuzzy($x.name, $q, 2); found "
              + e.type().render());
      return null;
    }
    return e;
  }

  IrExpr nearest(Call c, Scope scope) {
    IrExpr.Prop vector = nearestTarget(c.args().get(0), scope);
    IrExpr query = nearestQuery(c.args().get(1), scope, vector);
    if (vector == null || query == null) {
      return null;
    }
    boolean text = Compat.isString(query.type().valueType());
    return new IrExpr.Nearest(vector, query, text);
  }

  private IrExpr.Prop nearestTarget(Expr arg, Scope scope) {
    String example = "nearest($c.embedding, $q)";
    IrExpr.Prop prop = target(arg, scope, "nearest", example, QueryCode.T15, QueryCode.T15);
    if (prop == null || prop.propType().isVector()) {
      return prop;
    }
    ctx.error(
        QueryCode.T15,
        arg.start(),
        arg.end(),
        "nearest needs a Vector property; "
            + prop.ownerType()
            + "."
            + prop.property()
            + " is "
            + Compat.r(prop.propType()));
    return null;
  }

  private IrExpr nearestQuery(Expr arg, Scope scope, IrExpr.Prop vector) {
    if (arg instanceof Var v
        && scope.lookup(v.name().text()) == null
        && !ctx.params.containsKey(v.name().text())) {
      ctx.error(
          QueryCode.T15,
          v.start(),
          v.end(),
          "unknown variable $" + v.name().text() + " in nearest(…); declare it as a parameter");
      return null;
    }
    IrExpr e = exprs.check(arg, scope, Use.FILTER);
    if (e == null || vector == null) {
      return e;
    }
    String problem = queryProblem(e, vector.propType());
    if (problem != null) {
      ctx.error(QueryCode.T15, arg.start(), arg.end(), problem);
      return null;
    }
    return e;
  }

  private static String queryProblem(IrExpr e, PropType vec) {
    PropType t = e.type().valueType();
    if (t == null || t.isBlob()) {
      return "nearest's query must be a Vector(n), a list of numbers or a String to embed, not "
          + e.type().render();
    }
    if (Compat.isString(t)) {
      return null;
    }
    if (t.isVector() && t.vectorDim() != vec.vectorDim()) {
      return "query vector has dimension "
          + t.vectorDim()
          + " but the property is "
          + Compat.r(vec);
    }
    if (t.isVector()) {
      return null;
    }
    if (t.list() && t.scalar().isNumeric()) {
      if (e instanceof IrExpr.Literal l
          && l.value() instanceof Value.ListOf list
          && list.items().size() != vec.vectorDim()) {
        return "query vector literal has "
            + list.items().size()
            + " numbers but the property is "
            + Compat.r(vec);
      }
      return null;
    }
    return "nearest's query must be a Vector(n), a list of numbers or a String to embed, not "
        + Compat.r(t);
  }

  IrExpr rrf(Call c, Scope scope) {
    IrExpr first = rank(c.args().get(0), scope);
    IrExpr second = rank(c.args().get(1), scope);
    IrExpr k = c.args().size() > 2 ? rrfK(c.args().get(2), scope) : DEFAULT_K;
    if (first == null || second == null || k == null) {
      return null;
    }
    return new IrExpr.Rrf(first, second, k);
  }

  private IrExpr rank(Expr arg, Scope scope) {
    boolean isRank =
        arg instanceof Call r && (r.fn().text().equals("nearest") || r.fn().text().equals("bm25"));
    if (!isRank) {
      ctx.error(
          QueryCode.T21,
          arg.start(),
          arg.end(),
          "rrf fuses rankings: its first two arguments must each be nearest(…) or bm25(…)");
      return null;
    }
    return exprs.check(arg, scope, Use.ORDER);
  }

  private IrExpr rrfK(Expr arg, Scope scope) {
    IrExpr e = exprs.check(arg, scope, Use.FILTER);
    if (e == null) {
      return null;
    }
    boolean ok =
        e instanceof IrExpr.Literal l
            ? l.value() instanceof Value.Int n && n.value().signum() > 0
            : e instanceof IrExpr.Param p && Compat.isInteger(p.paramType());
    if (!ok) {
      ctx.error(
          QueryCode.T21,
          arg.start(),
          arg.end(),
          "rrf's k must be a positive integer (default 60), as in rrf(nearest(…), bm25(…), 60)");
      return null;
    }
    return e;
  }
}
