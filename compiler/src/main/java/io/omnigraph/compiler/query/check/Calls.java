package io.omnigraph.compiler.query.check;

import io.omnigraph.compiler.query.ast.QueryAst.Call;
import io.omnigraph.compiler.query.ast.QueryAst.Expr;

/** Finds function calls inside an expression tree. */
final class Calls {
  private Calls() {}

  static boolean mentions(Expr e, String fn) {
    return find(e, fn) != null;
  }

  /** The first (pre-order) call to {@code fn} in {@code e}, or null. */
  static Call find(Expr e, String fn) {
    if (!(e instanceof Call c)) {
      return null;
    }
    if (c.fn().text().equals(fn)) {
      return c;
    }
    for (Expr a : c.args()) {
      Call found = find(a, fn);
      if (found != null) {
        return found;
      }
    }
    return null;
  }
}
