package io.omnigraph.compiler.query.check;

import io.omnigraph.compiler.query.FilterOp;
import io.omnigraph.compiler.query.QueryCode;
import io.omnigraph.compiler.query.ast.QueryAst.Binding;
import io.omnigraph.compiler.query.ast.QueryAst.Clause;
import io.omnigraph.compiler.query.ast.QueryAst.Filter;
import io.omnigraph.compiler.query.ast.QueryAst.Name;
import io.omnigraph.compiler.query.ast.QueryAst.Negation;
import io.omnigraph.compiler.query.ast.QueryAst.PropMatch;
import io.omnigraph.compiler.query.ast.QueryAst.TextSearch;
import io.omnigraph.compiler.query.ast.QueryAst.Traversal;
import io.omnigraph.compiler.query.check.ExprChecker.Use;
import io.omnigraph.compiler.query.ir.IrExpr;
import io.omnigraph.compiler.query.ir.MatchItem;
import io.omnigraph.compiler.query.ir.Variable;
import io.omnigraph.compiler.schema.NodeType;
import io.omnigraph.compiler.schema.Property;
import io.omnigraph.compiler.schema.TypeKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a match block. The clauses of a block are an order-independent conjunction, so they are
 * checked in passes: bindings first (they fix variable types), then traversals (which bind the
 * endpoints still unbound), then filters and text searches, and last the {@code not} blocks, which
 * see every outer variable. The resolved items keep source order.
 */
final class MatchChecker {
  private final CheckContext ctx;
  private final ExprChecker exprs;
  private final TraversalChecker traversals;

  MatchChecker(CheckContext ctx, ExprChecker exprs) {
    this.ctx = ctx;
    this.exprs = exprs;
    this.traversals = new TraversalChecker(ctx);
  }

  /** Checks the clauses of one block in {@code scope}; returns its items in source order. */
  List<MatchItem> block(List<Clause> clauses, Scope scope) {
    scope.noteNestedNames(NestedNames.of(clauses));
    List<List<MatchItem>> items = new ArrayList<>();
    clauses.forEach(c -> items.add(List.of()));
    for (int pass = 0; pass < 4; pass++) {
      for (int i = 0; i < clauses.size(); i++) {
        Clause c = clauses.get(i);
        if (passOf(c) == pass) {
          items.set(i, clause(c, scope));
        }
      }
    }
    return items.stream().flatMap(List::stream).toList();
  }

  private static int passOf(Clause c) {
    return switch (c) {
      case Binding b -> 0;
      case Traversal t -> 1;
      case Filter f -> 2;
      case TextSearch s -> 2;
      case Negation n -> 3;
    };
  }

  private List<MatchItem> clause(Clause c, Scope scope) {
    return switch (c) {
      case Binding b -> binding(b, scope);
      case Traversal t -> one(traversals.check(t, scope));
      case Filter f -> one(filter(f, scope));
      case TextSearch s -> one(textSearch(s, scope));
      case Negation n -> one(negation(n, scope));
    };
  }

  private static List<MatchItem> one(MatchItem item) {
    return item == null ? List.of() : List.of(item);
  }

  /**
   * A binding scans its node type; binding an already bound variable again (same type) only adds
   * its property matches as filters.
   */
  private List<MatchItem> binding(Binding b, Scope scope) {
    String var = b.var().text();
    if (!traversals.notParam(b.var())) {
      return List.of();
    }
    VarInfo existing = scope.lookup(var);
    NodeType node = resolveNode(b.type());
    if (existing == null) {
      scope.declare(new VarInfo(var, TypeKind.NODE, node == null ? null : node.name(), b.start()));
    } else if (!sameBinding(b, existing, node)) {
      return List.of();
    }
    if (node == null) {
      return List.of();
    }
    List<MatchItem.Filter> props = propMatches(b, node, scope);
    if (props == null) {
      return List.of();
    }
    return existing == null
        ? List.of(new MatchItem.Scan(var, node.name(), props))
        : List.copyOf(props);
  }

  private boolean sameBinding(Binding b, VarInfo existing, NodeType node) {
    if (existing.isEdge()) {
      ctx.error(
          QueryCode.T23,
          b.var().start(),
          b.var().end(),
          "$" + existing.name() + " is already an edge binding; choose another name for the node");
      return false;
    }
    if (existing.poisoned() || node == null || existing.typeName().equals(node.name())) {
      return true;
    }
    ctx.error(
        QueryCode.T5,
        b.type().start(),
        b.type().end(),
        "$"
            + existing.name()
            + " is already bound to "
            + existing.typeName()
            + " (at "
            + ctx.at(existing.start())
            + "); a variable has one type — use another variable for "
            + node.name());
    return false;
  }

  private NodeType resolveNode(Name type) {
    NodeType node = ctx.catalog.node(type.text()).orElse(null);
    if (node != null) {
      return node;
    }
    String msg =
        ctx.catalog.edge(type.text()).isPresent()
            ? type.text()
                + " is an edge type; bindings take node types, and edges are matched by a"
                + " traversal such as $a "
                + lowerFirst(type.text())
                + " $b"
            : "unknown node type '"
                + type.text()
                + "'; known node types are "
                + String.join(", ", ctx.catalog.nodes().keySet());
    ctx.error(QueryCode.T1, type.start(), type.end(), msg);
    return null;
  }

  static String lowerFirst(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  private List<MatchItem.Filter> propMatches(Binding b, NodeType node, Scope scope) {
    List<MatchItem.Filter> out = new ArrayList<>();
    boolean ok = true;
    for (PropMatch pm : b.props()) {
      MatchItem.Filter f = propMatch(b.var().text(), pm, node, scope);
      ok &= f != null;
      if (f != null) {
        out.add(f);
      }
    }
    return ok ? out : null;
  }

  private MatchItem.Filter propMatch(String var, PropMatch pm, NodeType node, Scope scope) {
    Name n = pm.prop();
    Property p = node.properties().get(n.text());
    if (p == null) {
      ctx.error(
          QueryCode.T2,
          n.start(),
          n.end(),
          node.name() + " has no property '" + n.text() + "'" + ExprChecker.known(node));
      return null;
    }
    IrExpr value = exprs.value(pm.value(), scope, QueryCode.T6, QueryCode.T3);
    if (value == null) {
      return null;
    }
    String problem = propMatchProblem(p, value);
    if (problem != null) {
      ctx.error(QueryCode.T3, pm.value().start(), pm.value().end(), problem);
      return null;
    }
    IrExpr left = new IrExpr.Prop(var, TypeKind.NODE, node.name(), p.name(), p.type());
    return new MatchItem.Filter(left, FilterOp.EQ, value);
  }

  private static String propMatchProblem(Property p, IrExpr value) {
    if (ExprChecker.isBlobValue(p.type())) {
      return "Blob properties cannot be matched in a pattern; match on another property";
    }
    if (p.type().list()) {
      return "list property "
          + p.name()
          + " cannot be matched by equality in a binding; write a"
          + " filter such as $x."
          + p.name()
          + " contains value";
    }
    String problem = Compat.valueProblem(p.type(), value);
    if (problem != null) {
      return "property " + p.name() + ": " + problem;
    }
    if (value instanceof IrExpr.Param param && param.paramType().nullable() && !p.nullable()) {
      return "optional parameter $"
          + param.name()
          + " may be null but "
          + p.name()
          + " is not nullable; declare the parameter without '?'";
    }
    return null;
  }

  private MatchItem filter(Filter f, Scope scope) {
    IrExpr left = exprs.check(f.left(), scope, Use.FILTER);
    IrExpr right = exprs.check(f.right(), scope, Use.FILTER);
    if (left == null || right == null) {
      return null;
    }
    String problem = Compat.compareProblem(f.op(), left, right);
    if (problem != null) {
      ctx.error(QueryCode.T7, f.opStart(), f.opEnd(), problem);
      return null;
    }
    return new MatchItem.Filter(left, f.op(), right);
  }

  private MatchItem textSearch(TextSearch s, Scope scope) {
    IrExpr e = exprs.check(s.call(), scope, Use.FILTER);
    return e instanceof IrExpr.TextMatch m ? new MatchItem.TextFilter(m) : null;
  }

  private MatchItem negation(Negation n, Scope scope) {
    Scope inner = scope.child();
    List<MatchItem> items = block(n.clauses(), inner);
    if (inner.outerRefs().isEmpty()) {
      ctx.error(
          QueryCode.T9,
          n.start(),
          n.start() + 3,
          "not { … } must mention at least one variable bound outside it; otherwise it does not"
              + " depend on the row. Add an outer variable, as in not { $x knows $_ }");
      return null;
    }
    List<Variable> locals =
        inner.locals().stream()
            .filter(v -> !v.poisoned())
            .map(v -> new Variable(v.name(), v.kind(), v.typeName()))
            .toList();
    Set<String> outer = new LinkedHashSet<>(inner.outerRefs());
    return new MatchItem.Negation(items, locals, List.copyOf(outer));
  }
}
