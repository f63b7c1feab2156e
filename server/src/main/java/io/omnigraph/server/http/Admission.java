package io.omnigraph.server.http;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Per-actor admission control for mutating requests (06 §7): at most {@code maxInflight} concurrent
 * requests and {@code maxBytes} estimated in-flight body bytes per actor, per process. Excess is a
 * 429 with {@code Retry-After: 60}. Reads are never gated.
 */
public final class Admission {
  private final int maxInflight;
  private final long maxBytes;
  private final ConcurrentMap<String, Usage> usage = new ConcurrentHashMap<>();

  private static final class Usage {
    int inflight;
    long bytes;
  }

  /** Releases what {@link #enter} took; idempotent. */
  public interface Ticket extends AutoCloseable {
    @Override
    void close();
  }

  public Admission(int maxInflight, long maxBytes) {
    this.maxInflight = maxInflight;
    this.maxBytes = maxBytes;
  }

  public Ticket enter(String actor, long bytes) {
    Usage u = usage.computeIfAbsent(actor, k -> new Usage());
    synchronized (u) {
      if (u.inflight + 1 > maxInflight) {
        throw ApiError.tooManyRequests(
            "too many concurrent write requests for actor '"
                + actor
                + "' (limit "
                + maxInflight
                + "); retry later");
      }
      if (u.bytes + bytes > maxBytes) {
        throw ApiError.tooManyRequests(
            "too many in-flight request bytes for actor '"
                + actor
                + "' (limit "
                + maxBytes
                + "); retry later");
      }
      u.inflight++;
      u.bytes += bytes;
    }
    boolean[] done = {false};
    return () -> {
      synchronized (u) {
        if (!done[0]) {
          done[0] = true;
          u.inflight--;
          u.bytes -= bytes;
        }
      }
    };
  }
}
