package io.omnigraph.cluster.config;

import io.omnigraph.cluster.Diagnostics;
import io.omnigraph.cluster.config.ClusterConfig.AllowedBase;
import io.omnigraph.cluster.config.ClusterConfig.ExternalBlobPolicy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code graphs.<id>.external_blobs} [UP]: an allow-list of absolute bases; empty = deny. */
final class ExternalBlobReader {
  private static final int MAX_URI = 65_536;
  private final Diagnostics out;

  ExternalBlobReader(Diagnostics out) {
    this.out = out;
  }

  ExternalBlobPolicy read(YNode v, String path) {
    if (v instanceof YNode.Scalar s && s.isNull()) {
      return ExternalBlobPolicy.deny();
    }
    if (!(v instanceof YNode.Mapping m)) {
      out.error(
          "invalid_external_blob_policy", path, "external_blobs must be a mapping with `allow:`");
      return ExternalBlobPolicy.deny();
    }
    List<AllowedBase> bases = new ArrayList<>();
    for (var e : m.entries().entrySet()) {
      if (!e.getKey().equals("allow")) {
        out.error(
            "invalid_cluster_yaml",
            path + "." + e.getKey(),
            ConfigReader.unknown(e.getKey(), Set.of("allow")));
      } else if (e.getValue() instanceof YNode.Sequence seq) {
        for (int i = 0; i < seq.items().size(); i++) {
          AllowedBase b = base(seq.items().get(i), path + ".allow[" + i + "]");
          if (b != null) {
            bases.add(b);
          }
        }
      } else if (!(e.getValue() instanceof YNode.Scalar s && s.isNull())) {
        out.error(
            "invalid_external_blob_policy",
            path + ".allow",
            "allow must be a list of {base, scope}");
      }
    }
    checkOverlaps(bases, path);
    return new ExternalBlobPolicy(bases);
  }

  private AllowedBase base(YNode v, String path) {
    if (!(v instanceof YNode.Mapping m)) {
      out.error("invalid_external_blob_base", path, "each allow entry needs base and scope");
      return null;
    }
    String base = m.entries().get("base") instanceof YNode.Scalar s ? s.text() : null;
    String scope = m.entries().get("scope") instanceof YNode.Scalar s ? s.text() : null;
    for (String k : m.entries().keySet()) {
      if (!k.equals("base") && !k.equals("scope")) {
        out.error(
            "invalid_cluster_yaml",
            path + "." + k,
            ConfigReader.unknown(k, Set.of("base", "scope")));
      }
    }
    if (scope == null || !(scope.equals("server_safe") || scope.equals("embedded_only"))) {
      out.error(
          "invalid_external_blob_base",
          path + ".scope",
          "scope must be server_safe or embedded_only");
      return null;
    }
    String problem = baseProblem(base, scope);
    if (problem != null) {
      out.error("invalid_external_blob_base", path + ".base", problem);
      return null;
    }
    return new AllowedBase(base, scope);
  }

  static String baseProblem(String base, String scope) {
    if (base == null || base.isBlank()) {
      return "base must be an absolute URI";
    }
    if (base.getBytes(StandardCharsets.UTF_8).length > MAX_URI) {
      return "base is longer than 65536 bytes";
    }
    URI u;
    try {
      u = new URI(base);
    } catch (Exception e) {
      return "base is not a valid URI: " + base;
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    if (!u.isAbsolute() || !Set.of("s3", "file", "http", "https", "gs", "az").contains(scheme)) {
      return "base must be an absolute s3://, file://, http(s)://, gs:// or az:// URI";
    }
    if (u.getRawUserInfo() != null) {
      return "base must not carry credentials";
    }
    if (u.getRawQuery() != null || u.getRawFragment() != null) {
      return "base must not have a query or fragment";
    }
    String p = u.getRawPath() == null ? "" : u.getRawPath();
    if (p.contains("/../") || p.endsWith("/..") || p.contains("/./") || p.contains("//")) {
      return "base must not contain path traversal or empty segments";
    }
    if (p.contains("%2F")
        || p.contains("%2f")
        || p.contains("%2E")
        || p.contains("%2e")
        || p.contains("%5C")
        || p.contains("%5c")) {
      return "base must not use ambiguous percent-encoding";
    }
    if (scheme.equals("file") && scope.equals("server_safe")) {
      return "a file:// base cannot be server_safe (use embedded_only)";
    }
    return null;
  }

  private void checkOverlaps(List<AllowedBase> bases, String path) {
    for (int i = 0; i < bases.size(); i++) {
      for (int j = i + 1; j < bases.size(); j++) {
        if (overlaps(bases.get(i).base(), bases.get(j).base())) {
          out.error(
              "invalid_external_blob_policy",
              path + ".allow",
              "bases "
                  + bases.get(i).base()
                  + " and "
                  + bases.get(j).base()
                  + " overlap; keep one");
        }
      }
    }
  }

  /**
   * Compared by components: scheme and authority equal, and one path's segments prefix the other.
   */
  static boolean overlaps(String a, String b) {
    URI x = URI.create(a);
    URI y = URI.create(b);
    if (!x.getScheme().equalsIgnoreCase(y.getScheme())
        || !String.valueOf(x.getRawAuthority())
            .equalsIgnoreCase(String.valueOf(y.getRawAuthority()))) {
      return false;
    }
    List<String> xs = segments(x.getRawPath());
    List<String> ys = segments(y.getRawPath());
    int n = Math.min(xs.size(), ys.size());
    return xs.subList(0, n).equals(ys.subList(0, n));
  }

  private static List<String> segments(String p) {
    List<String> s = new ArrayList<>();
    for (String part : (p == null ? "" : p).split("/")) {
      if (!part.isEmpty()) {
        s.add(part);
      }
    }
    return s;
  }
}
