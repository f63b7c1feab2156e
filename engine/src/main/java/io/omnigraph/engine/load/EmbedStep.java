package io.omnigraph.engine.load;

import io.omnigraph.compiler.schema.Embed;
import io.omnigraph.compiler.schema.Property;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills the {@code @embed} vectors a batch left out, once the batch has passed every other check
 * (so an invalid batch costs no embedding calls): the source text of each such row is sent to the
 * {@link Embedder} in chunks of {@value #CHUNK}, and the vectors are checked for dimension and
 * stored L2-normalized. A row whose source text is absent keeps a null vector when the property is
 * nullable and is rejected otherwise.
 */
final class EmbedStep {
  static final int CHUNK = 64;

  private final Embedder embedder;

  EmbedStep(Embedder embedder) {
    this.embedder = embedder;
  }

  void run(Stage s) {
    if (s.needsEmbedding.isEmpty()) {
      return;
    }
    for (int col : s.plan.embedColumns) {
      fill(s, col);
    }
  }

  private void fill(Stage s, int col) {
    Property p = s.plan.properties[col];
    int source = s.plan.columns.get(p.embed().source());
    List<Integer> rows = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (int row = s.needsEmbedding.nextSetBit(0);
        row >= 0;
        row = s.needsEmbedding.nextSetBit(row + 1)) {
      if (s.value(row, col) != null) {
        continue;
      }
      String text = (String) s.value(row, source);
      if (text == null) {
        requireNullable(s, p, row);
        continue;
      }
      rows.add(row);
      texts.add(text);
      if (rows.size() == CHUNK) {
        embedChunk(s, col, rows, texts);
      }
    }
    if (!rows.isEmpty()) {
      embedChunk(s, col, rows, texts);
    }
  }

  private static void requireNullable(Stage s, Property p, int row) {
    if (!p.nullable()) {
      throw new LoadException(
          LoadCode.MISSING_PROPERTY,
          s.line(row),
          s.plan.name
              + "."
              + p.name()
              + " is left out to be embedded from '"
              + p.embed().source()
              + "', which is null too; give the vector or the source text");
    }
  }

  private void embedChunk(Stage s, int col, List<Integer> rows, List<String> texts) {
    Embed spec = s.plan.properties[col].embed();
    int dim = s.plan.types[col].vectorDim();
    List<float[]> vectors = call(s, rows.get(0), texts, spec.model());
    for (int i = 0; i < rows.size(); i++) {
      float[] v = vectors.get(i);
      if (v == null || v.length != dim || !finite(v)) {
        throw failed(
            s,
            rows.get(i),
            "the embedder returned "
                + (v == null
                    ? "no vector"
                    : finite(v) ? v.length + " numbers" : "a non-finite number")
                + " for "
                + s.plan.name
                + "."
                + s.plan.props[col]
                + ", which is Vector("
                + dim
                + "); bind a model with "
                + dim
                + " dimensions");
      }
      s.columns[col][rows.get(i)] = normalized(v);
    }
    rows.clear();
    texts.clear();
  }

  private List<float[]> call(Stage s, int firstRow, List<String> texts, String model) {
    List<float[]> out;
    try {
      out = embedder.embed(List.copyOf(texts), model);
    } catch (RuntimeException e) {
      throw failed(s, firstRow, "the embedder failed: " + e.getMessage() + "; retry the load");
    }
    if (out == null || out.size() != texts.size()) {
      throw failed(s, firstRow, "the embedder returned the wrong number of vectors");
    }
    return out;
  }

  private static boolean finite(float[] v) {
    for (float x : v) {
      if (!Float.isFinite(x)) {
        return false;
      }
    }
    return true;
  }

  private static float[] normalized(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += (double) x * x;
    }
    if (sum == 0 || !Double.isFinite(sum)) {
      return v.clone();
    }
    double scale = 1 / Math.sqrt(sum);
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) (v[i] * scale);
    }
    return out;
  }

  private static LoadException failed(Stage s, int row, String message) {
    return new LoadException(LoadCode.EMBEDDING_FAILED, s.line(row), message);
  }
}
