package io.omnigraph.engine.exec;

import io.omnigraph.compiler.query.ir.IrExpr;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code rrf(rankA, rankB, k)}: Reciprocal Rank Fusion over the rows that satisfied the match. Each
 * ranking orders those rows ({@code nearest} by ascending distance, {@code bm25} by descending
 * score; ties by the deterministic id order), and a row's fused score is the sum over both rankings
 * of {@code 1 / (k + rank)} with 1-based ranks. A row absent from a ranking (no vector, or a BM25
 * score of 0 — no query term) contributes nothing for it. {@code k} defaults to 60.
 */
final class RrfScores {
  private RrfScores() {}

  static RowExpr compile(ExprCompiler ec, IrExpr.Rrf rrf, Bindings rows, TieBreak tie) {
    int k = k(ec, rrf.k());
    double[] score = new double[rows.size()];
    add(score, rows, ec.compile(rrf.first()), rrf.first() instanceof IrExpr.Nearest, tie, k);
    add(score, rows, ec.compile(rrf.second()), rrf.second() instanceof IrExpr.Nearest, tie, k);
    return r -> score[r.index()];
  }

  private static int k(ExprCompiler ec, IrExpr kExpr) {
    Object v = ec.constantValue(kExpr);
    if (v == null) {
      return 60;
    }
    long k = ((Number) v).longValue();
    if (k <= 0 || k > Integer.MAX_VALUE) {
      String what = kExpr instanceof IrExpr.Param p ? "parameter $" + p.name() : "k";
      throw QueryExecutionException.badParam(
          "rrf(…): " + what + " must be a positive integer (default 60), got " + k);
    }
    return (int) k;
  }

  private static void add(
      double[] score, Bindings rows, RowExpr rank, boolean ascending, TieBreak tie, int k) {
    double[] value = new double[rows.size()];
    List<Integer> ranked = new ArrayList<>();
    Cursor c = new Cursor(rows.width());
    for (int i = 0; i < rows.size(); i++) {
      Object v = rank.eval(c.at(rows, i));
      if (v instanceof Double d && (ascending || d > 0)) {
        value[i] = d;
        ranked.add(i);
      }
    }
    ranked.sort(
        (a, b) -> {
          int cmp = Double.compare(value[a], value[b]);
          cmp = ascending ? cmp : -cmp;
          return cmp != 0 ? cmp : tie.compare(a, b);
        });
    for (int pos = 0; pos < ranked.size(); pos++) {
      score[ranked.get(pos)] += 1.0 / (k + pos + 1);
    }
  }
}
