package io.omnigraph.engine.exec;

import io.omnigraph.compiler.query.ir.IrExpr;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;

/**
 * {@code search}, {@code fuzzy}, {@code match_text} ({@link TextQuery}) and {@code bm25} over a
 * tokenized scan of the field's column (00 §Language clarifications 5).
 *
 * <p>BM25 (k1 = 1.2, b = 0.75) with the collection = the rows of the field's node type at the
 * snapshot that have a value: {@code idf(t) = ln(1 + (N − df + 0.5) / (df + 0.5))}, summed over the
 * distinct analysed query terms, {@code tf} and document length counted in analysed terms. A row
 * without any query term (or with a NULL field, or a NULL query) scores 0.
 */
final class TextFunctions {
  static final double K1 = 1.2;
  static final double B = 0.75;

  private TextFunctions() {}

  private record Field(int slot, TextColumn text) {
    int[] terms(RowAccess r) {
      int row = r.get(slot);
      return row < 0 ? null : text.row(row);
    }
  }

  private static Field field(ExprCompiler ec, IrExpr.Prop p) {
    Slot s = ec.frame().slot(p.var());
    int col = s.nodes().column(p.property());
    if (col < 0) {
      throw new IllegalStateException("no column " + p.property());
    }
    return new Field(s.index(), TableCache.text(s.nodes(), col));
  }

  static RowExpr match(ExprCompiler ec, IrExpr.TextMatch m) {
    Field f = field(ec, m.field());
    RowExpr query = ec.compile(m.query());
    RowExpr edits = m.maxEdits() == null ? null : ec.compile(m.maxEdits());
    boolean constant =
        ExprCompiler.isConstant(m.query())
            && (m.maxEdits() == null || ExprCompiler.isConstant(m.maxEdits()));
    if (constant) {
      TextQuery q = plan(m, f.text(), query.eval(null), edits == null ? null : edits.eval(null));
      return r -> q.matches(f.terms(r));
    }
    Map<Object, TextQuery> memo = new HashMap<>();
    return r -> {
      Object qv = query.eval(r);
      Object ev = edits == null ? null : edits.eval(r);
      TextQuery q =
          memo.computeIfAbsent(java.util.Arrays.asList(qv, ev), k -> plan(m, f.text(), qv, ev));
      return q.matches(f.terms(r));
    };
  }

  private static TextQuery plan(IrExpr.TextMatch m, TextColumn col, Object q, Object edits) {
    if (!(q instanceof String text)) {
      return TextQuery.NOTHING;
    }
    return switch (m.fn()) {
      case SEARCH -> TextQuery.search(col, text);
      case MATCH_TEXT -> TextQuery.phrase(col, text);
      case FUZZY -> TextQuery.fuzzy(col, text, maxEdits(m, edits));
    };
  }

  private static Integer maxEdits(IrExpr.TextMatch m, Object edits) {
    if (edits == null) {
      return null;
    }
    long k = ((Number) edits).longValue();
    if (k < 0) {
      String what = m.maxEdits() instanceof IrExpr.Param p ? "parameter $" + p.name() : "max_edits";
      throw QueryExecutionException.badParam(
          "fuzzy("
              + m.field().ownerType()
              + "."
              + m.field().property()
              + ", …): "
              + what
              + " must be 0 or more, got "
              + k);
    }
    return (int) Math.min(k, 8);
  }

  static RowExpr bm25(ExprCompiler ec, IrExpr.Bm25 b) {
    Field f = field(ec, b.field());
    RowExpr query = ec.compile(b.query());
    if (ExprCompiler.isConstant(b.query())) {
      int[] terms = queryTerms(f.text(), query.eval(null));
      return r -> score(f.text(), f.terms(r), terms);
    }
    Map<Object, int[]> memo = new HashMap<>();
    return r -> {
      Object q = query.eval(r);
      int[] terms =
          memo.computeIfAbsent(Objects.requireNonNullElse(q, ""), k -> queryTerms(f.text(), q));
      return score(f.text(), f.terms(r), terms);
    };
  }

  /** The distinct analysed query terms that occur in the column. */
  private static int[] queryTerms(TextColumn col, Object q) {
    if (!(q instanceof String text)) {
      return new int[0];
    }
    LinkedHashSet<Integer> ids = new LinkedHashSet<>();
    for (String t : TextAnalyzer.analyze(text)) {
      int id = col.termId(t);
      if (id >= 0) {
        ids.add(id);
      }
    }
    return ids.stream().mapToInt(Integer::intValue).toArray();
  }

  static double score(TextColumn col, int[] doc, int[] query) {
    if (doc == null || query.length == 0) {
      return 0.0;
    }
    double n = col.docs();
    double norm = K1 * (1 - B + B * doc.length / Math.max(col.avgLength(), 1e-9));
    double s = 0;
    for (int term : query) {
      int tf = 0;
      for (int t : doc) {
        if (t == term) {
          tf++;
        }
      }
      if (tf > 0) {
        double df = col.docFreq(term);
        double idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        s += idf * tf * (K1 + 1) / (tf + norm);
      }
    }
    return s;
  }
}
