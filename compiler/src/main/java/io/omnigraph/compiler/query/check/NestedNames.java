package io.omnigraph.compiler.query.check;

import io.omnigraph.compiler.query.ast.QueryAst.Binding;
import io.omnigraph.compiler.query.ast.QueryAst.Call;
import io.omnigraph.compiler.query.ast.QueryAst.Clause;
import io.omnigraph.compiler.query.ast.QueryAst.Expr;
import io.omnigraph.compiler.query.ast.QueryAst.Filter;
import io.omnigraph.compiler.query.ast.QueryAst.Negation;
import io.omnigraph.compiler.query.ast.QueryAst.Prop;
import io.omnigraph.compiler.query.ast.QueryAst.TextSearch;
import io.omnigraph.compiler.query.ast.QueryAst.Traversal;
import io.omnigraph.compiler.query.ast.QueryAst.Var;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The variable names written inside the {@code not} blocks of a clause list (syntactically). */
final class NestedNames {
  private final Set<String> names = new LinkedHashSet<>();

  private NestedNames() {}

  static Set<String> of(List<Clause> clauses) {
    NestedNames n = new NestedNames();
    for (Clause c : clauses) {
      if (c instanceof Negation neg) {
        n.clauses(neg.clauses());
      }
    }
    return n.names;
  }

  private void clauses(List<Clause> clauses) {
    clauses.forEach(this::clause);
  }

  private void clause(Clause c) {
    switch (c) {
      case Binding b -> names.add(b.var().text());
      case Traversal t -> traversal(t);
      case Filter f -> {
        expr(f.left());
        expr(f.right());
      }
      case TextSearch s -> expr(s.call());
      case Negation n -> clauses(n.clauses());
    }
  }

  private void traversal(Traversal t) {
    names.add(t.src().text());
    names.add(t.dst().text());
    if (t.edgeVar() != null) {
      names.add(t.edgeVar().text());
    }
  }

  private void expr(Expr e) {
    switch (e) {
      case Var v -> names.add(v.name().text());
      case Prop p -> names.add(p.var().text());
      case Call c -> c.args().forEach(this::expr);
      default -> {}
    }
  }
}
