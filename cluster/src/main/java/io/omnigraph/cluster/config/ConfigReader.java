package io.omnigraph.cluster.config;

import io.omnigraph.cluster.Diagnostics;
import io.omnigraph.cluster.config.ClusterConfig.GraphDecl;
import io.omnigraph.cluster.config.ClusterConfig.PolicyDecl;
import io.omnigraph.cluster.config.ClusterConfig.ProviderDecl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Strict reading of {@code cluster.yaml} (05 §2.1): every key checked, unknown keys are {@code
 * invalid_cluster_yaml}, reserved future keys are {@code future_phase_field}. File contents
 * (schemas, queries, policies) are checked later by {@link DesiredBuilder}.
 */
public final class ConfigReader {
  public static final String FILE = "cluster.yaml";
  static final Pattern ID = Pattern.compile("^[A-Za-z_][A-Za-z0-9_-]*$");
  private static final Set<String> TOP =
      Set.of("version", "metadata", "storage", "state", "providers", "graphs", "policies");
  private static final Set<String> RESERVED =
      Set.of("apply", "env_file", "pipelines", "embeddings", "ui", "aliases", "bindings");

  private final Path dir;
  private final Diagnostics out;
  private final boolean headerOnly;

  private ConfigReader(Path dir, Diagnostics out, boolean headerOnly) {
    this.dir = dir;
    this.out = out;
    this.headerOnly = headerOnly;
  }

  /** Reads and checks the whole file; empty when it cannot be read at all. */
  public static Optional<ClusterConfig> read(Path dir, Diagnostics out) {
    return new ConfigReader(dir.toAbsolutePath().normalize(), out, false).run();
  }

  /** Reads only what locates the state ({@code version}, {@code storage}, {@code state}). */
  public static Optional<ClusterConfig> readHeader(Path dir, Diagnostics out) {
    return new ConfigReader(dir.toAbsolutePath().normalize(), out, true).run();
  }

  private Optional<ClusterConfig> run() {
    Path file = dir.resolve(FILE);
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      out.error(
          "invalid_cluster_yaml",
          file.toString(),
          "cannot read "
              + file
              + " ("
              + e.getClass().getSimpleName()
              + "); --config must name a directory holding cluster.yaml");
      return Optional.empty();
    }
    Optional<YNode> root = YamlReader.read(text, file.toString(), out);
    if (root.isEmpty()) {
      return Optional.empty();
    }
    if (!(root.get() instanceof YNode.Mapping top)) {
      out.error("invalid_cluster_yaml", "", "cluster.yaml must be a mapping of keys");
      return Optional.empty();
    }
    return Optional.of(build(top));
  }

  private ClusterConfig build(YNode.Mapping top) {
    for (String key : top.entries().keySet()) {
      if (RESERVED.contains(key)) {
        if (!headerOnly) {
          out.error(
              "future_phase_field",
              key,
              "'" + key + "' is reserved for a future phase and not supported yet; remove it");
        }
      } else if (!TOP.contains(key) && !headerOnly) {
        out.error("invalid_cluster_yaml", key, unknown(key, TOP));
      }
    }
    version(top.entries().get("version"));
    String storage = storage(top.entries().get("storage"));
    boolean lock = state(top.entries().get("state"));
    String name = headerOnly ? null : metadata(top.entries().get("metadata"));
    Map<String, ProviderDecl> providers =
        headerOnly ? Map.of() : new ProviderReader(out).read(top.entries().get("providers"));
    Map<String, GraphDecl> graphs =
        headerOnly ? Map.of() : graphs(top.entries().get("graphs"), providers);
    Map<String, PolicyDecl> policies =
        headerOnly ? Map.of() : policies(top.entries().get("policies"), graphs);
    return new ClusterConfig(dir, name, storage, lock, graphs, policies, providers, top.toJson());
  }

  static String unknown(String key, Set<String> allowed) {
    return "unknown key '" + key + "'; allowed here: " + String.join(", ", new TreeSet<>(allowed));
  }

  private void version(YNode v) {
    if (v == null) {
      out.error(
          "invalid_cluster_yaml", "version", "missing required key 'version' (write `version: 1`)");
    } else if (!(v instanceof YNode.Scalar s)
        || s.kind() != YNode.Scalar.Kind.INT
        || !s.text().equals("1")) {
      out.error(
          "unsupported_cluster_config_version",
          "version",
          "unsupported cluster config version " + text(v) + "; only `version: 1` is supported");
    }
  }

  private String storage(YNode v) {
    if (v == null) {
      return null;
    }
    String s = string(v, "storage");
    if (s == null || s.isBlank()) {
      out.error(
          "invalid_storage_root",
          "storage",
          "storage must be a non-blank path or s3://bucket/prefix URI (or be omitted)");
      return null;
    }
    String trimmed = s.strip();
    while (trimmed.length() > 1 && trimmed.endsWith("/") && !trimmed.endsWith("://")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    if (trimmed.startsWith("s3://")) {
      String rest = trimmed.substring(5);
      if (rest.isEmpty() || rest.startsWith("/")) {
        out.error(
            "invalid_storage_root",
            "storage",
            "s3:// storage root has no bucket; write s3://<bucket>/<prefix>");
        return null;
      }
    } else if (trimmed.contains("://") && !trimmed.startsWith("file://")) {
      out.error(
          "invalid_storage_root",
          "storage",
          "unsupported storage root "
              + trimmed
              + "; use a local path, file:// or s3://bucket/prefix");
      return null;
    }
    return trimmed;
  }

  private boolean state(YNode v) {
    if (v == null) {
      return true;
    }
    if (!(v instanceof YNode.Mapping m)) {
      out.error("invalid_cluster_yaml", "state", "state must be a mapping with backend/lock");
      return true;
    }
    boolean lock = true;
    for (var e : m.entries().entrySet()) {
      String path = "state." + e.getKey();
      switch (e.getKey()) {
        case "backend" -> {
          String b = string(e.getValue(), path);
          if (b != null && !b.equals("cluster")) {
            out.error(
                "unsupported_state_backend",
                path,
                "unsupported state backend '" + b + "'; only `cluster` is supported");
          }
        }
        case "lock" -> {
          if (e.getValue() instanceof YNode.Scalar s && s.kind() == YNode.Scalar.Kind.BOOL) {
            lock = Boolean.parseBoolean(s.text());
          } else {
            out.error("invalid_cluster_yaml", path, "state.lock must be true or false");
          }
        }
        default ->
            out.error("invalid_cluster_yaml", path, unknown(e.getKey(), Set.of("backend", "lock")));
      }
    }
    return lock;
  }

  private String metadata(YNode v) {
    if (v == null) {
      return null;
    }
    if (!(v instanceof YNode.Mapping m)) {
      out.error("invalid_cluster_yaml", "metadata", "metadata must be a mapping (metadata.name)");
      return null;
    }
    String name = null;
    for (var e : m.entries().entrySet()) {
      if (!e.getKey().equals("name")) {
        out.error(
            "invalid_cluster_yaml", "metadata." + e.getKey(), unknown(e.getKey(), Set.of("name")));
        continue;
      }
      name = e.getValue() instanceof YNode.Scalar s && !s.isNull() ? s.text() : null;
      if (name == null || name.isBlank()) {
        out.error(
            "empty_metadata_name",
            "metadata.name",
            "metadata.name must not be blank; remove it or give the cluster a name");
      }
    }
    return name;
  }

  private Map<String, GraphDecl> graphs(YNode v, Map<String, ProviderDecl> providers) {
    Map<String, GraphDecl> graphs = new LinkedHashMap<>();
    if (v == null || (v instanceof YNode.Scalar s && s.isNull())) {
      return graphs;
    }
    if (!(v instanceof YNode.Mapping m)) {
      out.error(
          "invalid_cluster_yaml", "graphs", "graphs must be a mapping of graph id → declaration");
      return graphs;
    }
    GraphReader reader = new GraphReader(out, providers);
    for (var e : m.entries().entrySet()) {
      String path = "graphs." + e.getKey();
      if (checkId(e.getKey(), path, "graph id")) {
        reader.read(e.getKey(), e.getValue()).ifPresent(g -> graphs.put(g.id(), g));
      }
    }
    return graphs;
  }

  private Map<String, PolicyDecl> policies(YNode v, Map<String, GraphDecl> graphs) {
    if (v == null || (v instanceof YNode.Scalar s && s.isNull())) {
      return Map.of();
    }
    if (!(v instanceof YNode.Mapping m)) {
      out.error(
          "invalid_cluster_yaml",
          "policies",
          "policies must be a mapping of policy name → {file, applies_to}");
      return Map.of();
    }
    return new PolicyReader(out, this::checkId).read(m, graphs.keySet());
  }

  boolean checkId(String id, String path, String what) {
    if (ID.matcher(id).matches()) {
      return true;
    }
    out.error(
        "invalid_resource_id",
        path,
        "invalid " + what + " '" + id + "': ids match ^[A-Za-z_][A-Za-z0-9_-]*$");
    return false;
  }

  /** A scalar's text, or null (with an error) when {@code v} is not a string-like scalar. */
  String string(YNode v, String path) {
    if (v instanceof YNode.Scalar s && !s.isNull()) {
      return s.text();
    }
    out.error("invalid_cluster_yaml", path, path + " must be a string");
    return null;
  }

  static String text(YNode v) {
    return v instanceof YNode.Scalar s ? s.text() : v.toJson().toString();
  }

  /** Shared helper: a list of strings from a scalar or a sequence of scalars. */
  static List<String> strings(YNode v) {
    List<String> out = new ArrayList<>();
    if (v instanceof YNode.Scalar s && !s.isNull()) {
      out.add(s.text());
    } else if (v instanceof YNode.Sequence seq) {
      for (YNode i : seq.items()) {
        if (i instanceof YNode.Scalar s && !s.isNull()) {
          out.add(s.text());
        } else {
          return null;
        }
      }
    } else {
      return null;
    }
    return out;
  }
}
