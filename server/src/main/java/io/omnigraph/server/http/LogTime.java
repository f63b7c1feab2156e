package io.omnigraph.server.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Log timestamps: ISO-8601 UTC with microseconds ({@code 2026-11-26T03:15:23.691325Z}). The part up
 * to the second is formatted once per second and reused, so a request's three log lines do not each
 * pay for a full date-time format.
 */
final class LogTime {
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

  private record Second(long epochSecond, String text) {}

  private static volatile Second last = new Second(Long.MIN_VALUE, "");

  private LogTime() {}

  static String now() {
    return format(Instant.now());
  }

  static String format(Instant t) {
    Second s = last;
    if (s.epochSecond() != t.getEpochSecond()) {
      s = new Second(t.getEpochSecond(), SECONDS.format(t));
      last = s;
    }
    String micros = Integer.toString(t.getNano() / 1000);
    return s.text() + "." + "0".repeat(6 - micros.length()) + micros + "Z";
  }
}
