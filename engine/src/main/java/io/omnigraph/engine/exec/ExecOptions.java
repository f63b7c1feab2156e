package io.omnigraph.engine.exec;

import java.time.Clock;
import java.util.Objects;

/**
 * How one read runs.
 *
 * @param clock the source of {@code now()} (read once per execution)
 * @param embedder the query-time embedder for {@code nearest(…, $text)}, or null when the graph has
 *     no embedding provider bound
 * @param graphName the graph's name for messages, or null
 * @param maxIntermediateRows a guard on the size of any intermediate binding table; beyond it the
 *     query fails with {@code result_too_large} instead of exhausting memory
 */
public record ExecOptions(
    Clock clock, Embedder embedder, String graphName, long maxIntermediateRows) {
  /** The default row guard: 50 million binding rows. */
  public static final long DEFAULT_MAX_ROWS = 50_000_000L;

  public ExecOptions {
    Objects.requireNonNull(clock, "clock");
    if (maxIntermediateRows < 1) {
      throw new IllegalArgumentException("maxIntermediateRows must be positive");
    }
  }

  /** The UTC system clock, no embedder, no graph name, the default row guard. */
  public static ExecOptions defaults() {
    return new ExecOptions(Clock.systemUTC(), null, null, DEFAULT_MAX_ROWS);
  }

  public ExecOptions withClock(Clock c) {
    return new ExecOptions(c, embedder, graphName, maxIntermediateRows);
  }

  public ExecOptions withEmbedder(Embedder e) {
    return new ExecOptions(clock, e, graphName, maxIntermediateRows);
  }

  public ExecOptions withGraphName(String name) {
    return new ExecOptions(clock, embedder, name, maxIntermediateRows);
  }

  public ExecOptions withMaxIntermediateRows(long max) {
    return new ExecOptions(clock, embedder, graphName, max);
  }
}
