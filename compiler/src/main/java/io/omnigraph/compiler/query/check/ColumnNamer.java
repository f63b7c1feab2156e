package io.omnigraph.compiler.query.check;

import io.omnigraph.compiler.query.ast.QueryAst.AliasRef;
import io.omnigraph.compiler.query.ast.QueryAst.Call;
import io.omnigraph.compiler.query.ast.QueryAst.Expr;
import io.omnigraph.compiler.query.ast.QueryAst.Lit;
import io.omnigraph.compiler.query.ast.QueryAst.Now;
import io.omnigraph.compiler.query.ast.QueryAst.Projection;
import io.omnigraph.compiler.query.ast.QueryAst.Prop;
import io.omnigraph.compiler.query.ast.QueryAst.Var;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Names output columns by the rule documented on {@link io.omnigraph.compiler.query.ir.ReadPlan}.
 */
final class ColumnNamer {
  private ColumnNamer() {}

  static List<String> names(List<Projection> projections) {
    Set<String> taken = new HashSet<>();
    projections.forEach(p -> addAlias(taken, p));
    List<String> out = new ArrayList<>();
    for (int i = 0; i < projections.size(); i++) {
      Projection p = projections.get(i);
      String name = p.alias() != null ? p.alias().text() : derived(p.expr(), i, taken);
      out.add(name);
    }
    return out;
  }

  private static void addAlias(Set<String> taken, Projection p) {
    if (p.alias() != null) {
      taken.add(p.alias().text());
    }
  }

  private static String derived(Expr e, int index, Set<String> taken) {
    String base = base(e, index);
    String name = base;
    if (taken.contains(name) && e instanceof Prop p) {
      name = p.var().text() + "_" + p.prop().text();
    }
    for (int n = 2; taken.contains(name); n++) {
      name = base + "_" + n;
    }
    taken.add(name);
    return name;
  }

  private static String base(Expr e, int index) {
    return switch (e) {
      case Prop p -> p.prop().text();
      case Var v -> v.name().text();
      case AliasRef a -> a.name().text();
      case Now n -> "now";
      case Lit l -> "col" + (index + 1);
      case Call c -> c.fn().text() + argSuffix(c);
    };
  }

  private static String argSuffix(Call c) {
    if (c.args().isEmpty()) {
      return "";
    }
    return switch (c.args().get(0)) {
      case Prop p -> "_" + p.prop().text();
      case Var v -> "_" + v.name().text();
      default -> "";
    };
  }
}
