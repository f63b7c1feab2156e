package io.omnigraph.compiler.query.check;

import io.omnigraph.compiler.query.QueryCode;
import io.omnigraph.compiler.query.ast.QueryAst.AliasRef;
import io.omnigraph.compiler.query.ast.QueryAst.Call;
import io.omnigraph.compiler.query.ast.QueryAst.Expr;
import io.omnigraph.compiler.query.ast.QueryAst.Lit;
import io.omnigraph.compiler.query.ast.QueryAst.Name;
import io.omnigraph.compiler.query.ast.QueryAst.Now;
import io.omnigraph.compiler.query.ast.QueryAst.Prop;
import io.omnigraph.compiler.query.ast.QueryAst.Var;
import io.omnigraph.compiler.query.ir.AggFn;
import io.omnigraph.compiler.query.ir.IrExpr;
import io.omnigraph.compiler.query.ir.QueryParam;
import io.omnigraph.compiler.schema.PropType;
import io.omnigraph.compiler.schema.Property;
import io.omnigraph.compiler.schema.ScalarType;
import io.omnigraph.compiler.schema.SchemaType;
import io.omnigraph.compiler.schema.TypeKind;
import java.util.Locale;

/**
 * Types expressions. Every method returns the typed expression, or null when it is wrong (the
 * problem has then been reported, or the expression mentions a variable whose own binding was wrong
 * and stays silent).
 */
final class ExprChecker {
  /** Where an expression stands; it decides which forms are allowed. */
  enum Use {
    FILTER,
    RETURN,
    ORDER
  }

  /** Resolves a bare identifier to an output column. */
  interface Aliases {
    /** The column named by {@code alias}, or null. */
    IrExpr.ColumnRef resolve(String alias);

    /** Whether {@code alias} is written in the return block (even if its column was wrong). */
    boolean known(String alias);
  }

  private final CheckContext ctx;
  private final SearchChecker search;
  private Aliases aliases;
  private int aggregateDepth;

  ExprChecker(CheckContext ctx) {
    this.ctx = ctx;
    this.search = new SearchChecker(ctx, this);
  }

  void setAliases(Aliases aliases) {
    this.aliases = aliases;
  }

  IrExpr check(Expr e, Scope scope, Use use) {
    return switch (e) {
      case Now n -> now();
      case Lit l -> literal(l, QueryCode.T7);
      case Var v -> variable(v, scope);
      case Prop p -> property(p, scope);
      case AliasRef a -> alias(a);
      case Call c -> call(c, scope, use);
    };
  }

  /**
   * A value of a property match, assignment or predicate: a literal, a parameter or {@code now()}.
   * An unknown variable is reported with {@code unknownVar}, a bad literal with {@code literal}.
   */
  IrExpr value(Expr e, Scope scope, QueryCode unknownVar, QueryCode literal) {
    if (e instanceof Var v) {
      QueryParam p = ctx.params.get(v.name().text());
      if (p != null) {
        return new IrExpr.Param(p.name(), p.type());
      }
      VarInfo bound = scope == null ? null : scope.lookup(v.name().text());
      if (bound != null) {
        return bound.poisoned()
            ? null
            : new IrExpr.Entity(v.name().text(), bound.kind(), bound.typeName());
      }
      ctx.error(
          unknownVar,
          v.start(),
          v.end(),
          "$"
              + v.name().text()
              + " is not a declared parameter; add it to the parameter list, as in query q($"
              + v.name().text()
              + ": String)");
      return null;
    }
    if (e instanceof Lit l) {
      return literal(l, literal);
    }
    return check(e, scope, Use.FILTER);
  }

  IrExpr now() {
    ctx.usesNow = true;
    return new IrExpr.Param(IrExpr.NOW_PARAM, PropType.scalar(ScalarType.DATETIME, false));
  }

  IrExpr.Literal literal(Lit l, QueryCode code) {
    return Literals.convert(l, msg -> ctx.error(code, l.start(), l.end(), msg));
  }

  private IrExpr variable(Var v, Scope scope) {
    String name = v.name().text();
    VarInfo bound = scope.lookup(name);
    if (bound != null) {
      if (bound.poisoned()) {
        return null;
      }
      if (bound.isEdge()) {
        ctx.error(
            QueryCode.T23,
            v.start(),
            v.end(),
            "edge variable $"
                + name
                + " cannot be used on its own; use one of its properties, as in $"
                + name
                + ".prop");
        return null;
      }
      return new IrExpr.Entity(name, bound.kind(), bound.typeName());
    }
    QueryParam p = ctx.params.get(name);
    if (p != null) {
      return new IrExpr.Param(name, p.type());
    }
    unbound(v.name(), scope);
    return null;
  }

  void unbound(Name n, Scope scope) {
    String msg =
        scope.mentionedInNested(n.text())
            ? "$"
                + n.text()
                + " is bound only inside a not { } block, so it cannot be used outside it; bind it"
                + " in the match block itself"
            : "unknown variable $"
                + n.text()
                + "; bind it in the match block (as in $"
                + n.text()
                + ": Type) or declare it as a parameter";
    ctx.error(QueryCode.T6, n.start(), n.end(), msg);
  }

  private IrExpr property(Prop p, Scope scope) {
    String name = p.var().text();
    VarInfo bound = scope.lookup(name);
    if (bound == null) {
      if (ctx.params.containsKey(name)) {
        ctx.error(
            QueryCode.T6,
            p.start(),
            p.end(),
            "$" + name + " is a parameter and has no properties; use $" + name + " itself");
      } else {
        unbound(p.var(), scope);
      }
      return null;
    }
    if (bound.poisoned()) {
      return null;
    }
    return resolveProperty(p, bound, QueryCode.T6);
  }

  /** {@code $x.prop} for a bound variable; unknown properties are reported with {@code code}. */
  IrExpr.Prop resolveProperty(Prop p, VarInfo bound, QueryCode code) {
    SchemaType owner = owner(bound);
    Property prop = owner == null ? null : owner.properties().get(p.prop().text());
    if (prop == null) {
      ctx.error(
          code,
          p.prop().start(),
          p.prop().end(),
          bound.typeName() + " has no property '" + p.prop().text() + "'" + known(owner));
      return null;
    }
    return new IrExpr.Prop(bound.name(), bound.kind(), bound.typeName(), prop.name(), prop.type());
  }

  SchemaType owner(VarInfo v) {
    return v.kind() == TypeKind.EDGE
        ? ctx.catalog.edge(v.typeName()).orElse(null)
        : ctx.catalog.node(v.typeName()).orElse(null);
  }

  static String known(SchemaType owner) {
    if (owner == null || owner.properties().isEmpty()) {
      return "";
    }
    return "; its properties are " + String.join(", ", owner.properties().keySet());
  }

  private IrExpr alias(AliasRef a) {
    IrExpr.ColumnRef ref = aliases == null ? null : aliases.resolve(a.name().text());
    if (ref == null && !(aliases != null && aliases.known(a.name().text()))) {
      ctx.error(
          QueryCode.T6,
          a.start(),
          a.end(),
          "unknown name '"
              + a.name().text()
              + "'; a bare name refers to an earlier 'as' alias of the return block, and"
              + " variables start with $");
    }
    return ref;
  }

  private IrExpr call(Call c, Scope scope, Use use) {
    String fn = c.fn().text();
    return switch (fn) {
      case "count", "sum", "avg", "min", "max" -> aggregate(c, scope, use);
      case "search", "fuzzy", "match_text" -> search.textMatch(c, scope);
      case "bm25" -> search.bm25(c, scope, use == Use.ORDER);
      case "nearest" -> use == Use.FILTER ? misplaced(c, QueryCode.T15) : search.nearest(c, scope);
      default -> use == Use.FILTER ? misplaced(c, QueryCode.T21) : search.rrf(c, scope);
    };
  }

  private IrExpr misplaced(Call c, QueryCode code) {
    ctx.error(
        code,
        c.start(),
        c.fn().end(),
        c.fn().text()
            + "(…) ranks rows; use it in order { … } (with a limit) or in return { … }, not as a"
            + " filter operand");
    return null;
  }

  private IrExpr aggregate(Call c, Scope scope, Use use) {
    if (use == Use.FILTER) {
      ctx.error(
          QueryCode.T9,
          c.start(),
          c.fn().end(),
          "aggregates such as "
              + c.fn().text()
              + "(…) belong in return { … } (and order { … }), not in match");
      return null;
    }
    if (aggregateDepth > 0) {
      ctx.error(QueryCode.T8, c.start(), c.fn().end(), "aggregates cannot be nested");
      return null;
    }
    aggregateDepth++;
    IrExpr arg;
    try {
      arg = check(c.args().get(0), scope, use);
    } finally {
      aggregateDepth--;
    }
    return arg == null
        ? null
        : aggregateOf(c, AggFn.valueOf(c.fn().text().toUpperCase(Locale.ROOT)), arg);
  }

  private IrExpr aggregateOf(Call c, AggFn fn, IrExpr arg) {
    PropType t = arg.type().valueType();
    if (t != null && isBlobValue(t)) {
      ctx.error(QueryCode.T24, c.start(), c.end(), "Blob values cannot be aggregated");
      return null;
    }
    PropType result = aggregateType(fn, t);
    if (result == null) {
      ctx.error(
          QueryCode.T8,
          c.args().get(0).start(),
          c.args().get(0).end(),
          fn.spelling()
              + " needs "
              + (fn == AggFn.MIN || fn == AggFn.MAX ? "a numeric or String" : "a numeric")
              + " value, not "
              + arg.type().render());
      return null;
    }
    return new IrExpr.Aggregate(fn, arg, result);
  }

  private static PropType aggregateType(AggFn fn, PropType t) {
    if (fn == AggFn.COUNT) {
      return PropType.scalar(ScalarType.I64, false);
    }
    if (t == null || !t.isScalar()) {
      return null;
    }
    ScalarType s = t.scalar();
    return switch (fn) {
      case SUM ->
          s.isNumeric()
              ? PropType.scalar(s.isFloat() ? ScalarType.F64 : ScalarType.I64, true)
              : null;
      case AVG -> s.isNumeric() ? PropType.scalar(ScalarType.F64, true) : null;
      default -> s.isNumeric() || s == ScalarType.STRING ? t.withNullable(true) : null;
    };
  }

  static boolean isBlobValue(PropType t) {
    return t.scalar() == ScalarType.BLOB && !t.isVector();
  }
}
