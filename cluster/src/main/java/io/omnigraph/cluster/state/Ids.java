package io.omnigraph.cluster.state;

import io.omnigraph.engine.load.Ulid;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** ULIDs and RFC 3339 UTC timestamps for lock, sidecar, approval and operation ids. */
public final class Ids {
  private static final Ulid ULID = new Ulid();
  private static final DateTimeFormatter RFC3339 =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private Ids() {}

  public static String ulid() {
    return ULID.next();
  }

  public static String now() {
    return RFC3339.format(Instant.now().truncatedTo(ChronoUnit.SECONDS));
  }

  public static Instant parseTime(String rfc3339) {
    return Instant.parse(rfc3339);
  }
}
