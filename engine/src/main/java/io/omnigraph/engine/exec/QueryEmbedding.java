package io.omnigraph.engine.exec;

import io.omnigraph.compiler.query.ir.IrExpr;
import io.omnigraph.compiler.schema.Embed;
import io.omnigraph.compiler.schema.Property;
import io.omnigraph.engine.exec.QueryExecutionException.Code;

/**
 * Query-time embedding of a text query for {@code nearest} (03 §7, 00 §Language clarifications 6):
 * the Vector property must have an {@code @embed} source; the graph must have an embedder ({@link
 * ExecOptions#embedder()}, else {@code embedding_provider_missing}); a model pinned by
 * {@code @embed(…, model=…)} must be the embedder's; the vector must have the property's dimension,
 * be finite and not all zeros. Each text is embedded once per execution.
 */
final class QueryEmbedding {
  private QueryEmbedding() {}

  static float[] embed(ExecContext ctx, IrExpr.Nearest n, String text) {
    IrExpr.Prop p = n.vector();
    Property prop =
        ctx.graph().catalog().node(p.ownerType()).orElseThrow().properties().get(p.property());
    Embed source = prop.embed();
    int dim = p.propType().vectorDim();
    if (source == null) {
      throw new QueryExecutionException(
          Code.EMBEDDING_SOURCE_MISSING,
          VectorFunctions.what(n)
              + ": "
              + p.ownerType()
              + "."
              + p.property()
              + " has no @embed source, so a text query cannot be embedded for it; pass the"
              + " query as a Vector("
              + dim
              + ") parameter, or declare @embed(\"<text property>\") on the property");
    }
    Embedder e = ctx.options().embedder();
    if (e == null) {
      throw missingProvider(ctx, n, dim);
    }
    checkModel(n, source, e);
    String key = p.ownerType() + "." + p.property() + "\0" + text;
    float[] v = ctx.embeddings().get(key);
    if (v == null) {
      v = call(n, e, text, dim);
      ctx.embeddings().put(key, v);
    }
    return v;
  }

  private static QueryExecutionException missingProvider(
      ExecContext ctx, IrExpr.Nearest n, int dim) {
    String graph = ctx.options().graphName();
    String which = graph == null ? "this graph" : "graph '" + graph + "'";
    return new QueryExecutionException(
        Code.EMBEDDING_PROVIDER_MISSING,
        VectorFunctions.what(n)
            + " needs the query text embedded, but "
            + which
            + " has no embedding provider bound; bind one in cluster.yaml (graphs."
            + (graph == null ? "<id>" : graph)
            + ".embedding_provider naming a providers.embedding profile) and apply, or pass"
            + " the query as a Vector("
            + dim
            + ") parameter");
  }

  private static void checkModel(IrExpr.Nearest n, Embed source, Embedder e) {
    if (source.model() != null && e.model() != null && !source.model().equals(e.model())) {
      throw new QueryExecutionException(
          Code.EMBEDDING_MODEL_MISMATCH,
          VectorFunctions.what(n)
              + ": "
              + n.vector().ownerType()
              + "."
              + n.vector().property()
              + " is embedded with model '"
              + source.model()
              + "' but the configured embedding provider uses '"
              + e.model()
              + "'; vectors of different models are not comparable — configure the provider"
              + " with model '"
              + source.model()
              + "'");
    }
  }

  private static float[] call(IrExpr.Nearest n, Embedder e, String text, int dim) {
    float[] v;
    try {
      v = e.embedQuery(text, dim);
    } catch (RuntimeException ex) {
      throw new QueryExecutionException(
          Code.EMBEDDING_FAILED,
          VectorFunctions.what(n) + ": the embedding provider failed: " + ex.getMessage(),
          ex);
    }
    String problem = problem(v, dim);
    if (problem != null) {
      throw new QueryExecutionException(
          Code.EMBEDDING_FAILED,
          VectorFunctions.what(n) + ": the embedding provider returned " + problem);
    }
    return v;
  }

  private static String problem(float[] v, int dim) {
    if (v == null || v.length != dim) {
      return (v == null ? "no vector" : v.length + " numbers") + " where " + dim + " are needed";
    }
    boolean nonZero = false;
    for (float x : v) {
      if (!Float.isFinite(x)) {
        return "a vector with NaN or infinite numbers";
      }
      nonZero |= x != 0;
    }
    return nonZero ? null : "an all-zero vector";
  }
}
