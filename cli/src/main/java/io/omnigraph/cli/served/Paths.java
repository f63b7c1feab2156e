package io.omnigraph.cli.served;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** URL building helpers: path segments and query strings. */
public final class Paths {
  private Paths() {}

  /** One path segment, percent-encoded. */
  public static String segment(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** {@code ?k=v&…} from alternating key/value pairs; null values are skipped. */
  public static String query(String... kv) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i + 1 < kv.length; i += 2) {
      if (kv[i + 1] != null) {
        sb.append(sb.length() == 0 ? '?' : '&')
            .append(kv[i])
            .append('=')
            .append(URLEncoder.encode(kv[i + 1], StandardCharsets.UTF_8));
      }
    }
    return sb.toString();
  }
}
