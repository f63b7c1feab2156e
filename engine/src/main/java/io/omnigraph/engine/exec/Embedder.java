package io.omnigraph.engine.exec;

/**
 * Turns query text into a vector for {@code nearest($x.vec, $text)}. Implementations speak to an
 * embedding provider (or, like {@link MockEmbedder}, compute vectors offline). The executor calls
 * it at most once per distinct text per execution.
 */
public interface Embedder {
  /** The model this embedder uses; compared with the property's {@code @embed(model=…)}. */
  String model();

  /**
   * Embeds {@code text} as a retrieval query.
   *
   * @param dimension the dimension of the target {@code Vector(n)} property
   * @return exactly {@code dimension} finite numbers, not all zero
   * @throws RuntimeException when the provider fails (reported as {@code embedding_failed})
   */
  float[] embedQuery(String text, int dimension);
}
