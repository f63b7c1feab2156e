package io.omnigraph.engine.root;

import java.time.Instant;

/** Commit timestamps: Unix epoch microseconds. */
final class Clock {
  private Clock() {}

  static long micros() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
  }
}
