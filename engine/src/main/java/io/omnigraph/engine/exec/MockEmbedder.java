package io.omnigraph.engine.exec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The offline {@code mock} embedding provider: deterministic vectors by feature hashing. Each
 * analysed token ({@link TextAnalyzer}) adds ±1 at two positions chosen by SHA-256 of the token,
 * and the sum is L2-normalised — so equal texts give equal vectors and texts sharing words are
 * closer than unrelated ones. Text without tokens hashes the whole string instead.
 */
public final class MockEmbedder implements Embedder {
  /** The model name the mock reports. */
  public static final String MODEL = "mock";

  @Override
  public String model() {
    return MODEL;
  }

  @Override
  public float[] embedQuery(String text, int dimension) {
    return embed(text, dimension);
  }

  /** The mock vector of {@code text} (also usable to fill stored vectors in tests). */
  public static float[] embed(String text, int dimension) {
    double[] acc = new double[dimension];
    List<String> tokens = TextAnalyzer.analyze(text);
    if (tokens.isEmpty()) {
      tokens = List.of("\u0000" + text);
    }
    for (String t : tokens) {
      byte[] h = sha256(t);
      for (int k = 0; k < 2; k++) {
        int pos = Math.floorMod(readInt(h, k * 8), dimension);
        acc[pos] += (h[k * 8 + 4] & 1) == 0 ? 1 : -1;
      }
    }
    return normalise(acc, text, dimension);
  }

  private static float[] normalise(double[] acc, String text, int dimension) {
    double norm = 0;
    for (double x : acc) {
      norm += x * x;
    }
    float[] out = new float[dimension];
    if (norm == 0) {
      out[Math.floorMod(readInt(sha256(text), 0), dimension)] = 1f;
      return out;
    }
    double n = Math.sqrt(norm);
    for (int i = 0; i < dimension; i++) {
      out[i] = (float) (acc[i] / n);
    }
    return out;
  }

  private static int readInt(byte[] b, int at) {
    return ((b[at] & 0xff) << 24)
        | ((b[at + 1] & 0xff) << 16)
        | ((b[at + 2] & 0xff) << 8)
        | (b[at + 3] & 0xff);
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
