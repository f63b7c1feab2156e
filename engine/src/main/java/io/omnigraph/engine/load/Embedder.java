package io.omnigraph.engine.load;

import java.util.List;

/**
 * Computes vectors for {@code @embed} properties that a batch leaves out (00 decisions, language
 * clarification 7). Without an embedder such a non-nullable vector is rejected with {@code
 * missing_embedding}.
 */
@FunctionalInterface
public interface Embedder {
  /**
   * One vector per text, in order.
   *
   * @param texts the source texts (never null)
   * @param model the model pinned by {@code @embed(…, model="m")}, or null for the default
   */
  List<float[]> embed(List<String> texts, String model);
}
