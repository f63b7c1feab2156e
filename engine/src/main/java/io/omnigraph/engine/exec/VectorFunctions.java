package io.omnigraph.engine.exec;

import io.omnigraph.compiler.query.ir.IrExpr;
import io.omnigraph.engine.graph.NodeTable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code nearest($x.vec, q)}: brute-force cosine distance {@code 1 − cos(v, q)} (0 = same
 * direction, 2 = opposite) between each row's vector and the query. The query is a {@code
 * Vector(n)} or numeric list (its length must be n), or a String embedded once per execution with
 * the {@link Embedder} of {@link ExecOptions}. A row whose vector is NULL or all zeros has no
 * distance (NULL); as an ordering key such rows come after every row with a distance.
 */
final class VectorFunctions {
  private VectorFunctions() {}

  static RowExpr nearest(ExprCompiler ec, IrExpr.Nearest n) {
    Slot s = ec.frame().slot(n.vector().var());
    NodeTable t = s.nodes();
    int col = t.column(n.vector().property());
    int slot = s.index();
    RowExpr query = ec.compile(n.query());
    if (ExprCompiler.isConstant(n.query())) {
      float[] q = queryVector(ec, n, query.eval(null));
      return r -> distance(q, rowVector(t, col, r.get(slot)));
    }
    Map<Object, float[]> memo = new HashMap<>();
    return r -> {
      Object qv = query.eval(r);
      float[] q = qv == null ? null : memo.computeIfAbsent(key(qv), k -> queryVector(ec, n, qv));
      return distance(q, rowVector(t, col, r.get(slot)));
    };
  }

  private static Object key(Object v) {
    return v instanceof float[] f ? java.util.Arrays.toString(f) : v;
  }

  private static float[] rowVector(NodeTable t, int col, int row) {
    return row < 0 || col < 0 ? null : (float[]) t.value(row, col);
  }

  /** Cosine distance, or null when either side is missing or has no direction. */
  static Double distance(float[] q, float[] v) {
    if (q == null || v == null || q.length != v.length) {
      return null;
    }
    double dot = 0;
    double nq = 0;
    double nv = 0;
    for (int i = 0; i < q.length; i++) {
      dot += (double) q[i] * v[i];
      nq += (double) q[i] * q[i];
      nv += (double) v[i] * v[i];
    }
    if (nq == 0 || nv == 0) {
      return null;
    }
    double cos = dot / (Math.sqrt(nq) * Math.sqrt(nv));
    return 1.0 - Math.max(-1.0, Math.min(1.0, cos));
  }

  private static float[] queryVector(ExprCompiler ec, IrExpr.Nearest n, Object v) {
    int dim = n.vector().propType().vectorDim();
    return switch (v) {
      case null -> null;
      case float[] f -> checkDim(n, f, dim);
      case List<?> list -> checkDim(n, numbers(n, list), dim);
      case String text -> QueryEmbedding.embed(ec.ctx(), n, text);
      default -> throw new IllegalStateException("nearest query of " + v.getClass());
    };
  }

  private static float[] numbers(IrExpr.Nearest n, List<?> list) {
    float[] out = new float[list.size()];
    for (int i = 0; i < out.length; i++) {
      double d = ((Number) list.get(i)).doubleValue();
      if (!Double.isFinite(d)) {
        throw QueryExecutionException.badParam(
            what(n) + ": element " + i + " of the query vector is not a finite number");
      }
      out[i] = (float) d;
    }
    return out;
  }

  private static float[] checkDim(IrExpr.Nearest n, float[] f, int dim) {
    if (f.length != dim) {
      throw QueryExecutionException.badParam(
          what(n)
              + ": the query vector has "
              + f.length
              + " numbers but "
              + n.vector().ownerType()
              + "."
              + n.vector().property()
              + " is Vector("
              + dim
              + "); pass exactly "
              + dim);
    }
    return f;
  }

  static String what(IrExpr.Nearest n) {
    String q = n.query() instanceof IrExpr.Param p ? "$" + p.name() : "…";
    return "nearest(" + n.vector().ownerType() + "." + n.vector().property() + ", " + q + ")";
  }
}
