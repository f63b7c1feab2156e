package io.omnigraph.cluster.config;

import io.omnigraph.cluster.Diagnostics;
import io.omnigraph.cluster.config.ClusterConfig.ExternalBlobPolicy;
import io.omnigraph.cluster.config.ClusterConfig.GraphDecl;
import io.omnigraph.cluster.config.ClusterConfig.ProviderDecl;
import io.omnigraph.cluster.config.ClusterConfig.QueriesDecl;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One {@code graphs.<id>} entry (05 §2.1, §2.2). */
final class GraphReader {
  private static final Set<String> KEYS =
      Set.of("schema", "queries", "embedding_provider", "external_blobs");
  private final Diagnostics out;
  private final Map<String, ProviderDecl> providers;

  GraphReader(Diagnostics out, Map<String, ProviderDecl> providers) {
    this.out = out;
    this.providers = providers;
  }

  Optional<GraphDecl> read(String id, YNode v) {
    String path = "graphs." + id;
    if (!(v instanceof YNode.Mapping m)) {
      out.error("invalid_cluster_yaml", path, "a graph must be a mapping with at least `schema:`");
      return Optional.empty();
    }
    String schema = null;
    QueriesDecl queries = null;
    String provider = null;
    ExternalBlobPolicy blobs = ExternalBlobPolicy.deny();
    for (var e : m.entries().entrySet()) {
      String p = path + "." + e.getKey();
      switch (e.getKey()) {
        case "schema" -> schema = scalar(e.getValue(), p);
        case "queries" -> queries = queries(e.getValue(), p);
        case "embedding_provider" -> provider = provider(e.getValue(), p);
        case "external_blobs" -> blobs = new ExternalBlobReader(out).read(e.getValue(), p);
        case "streaming" ->
            out.error(
                "removed_streaming_declaration",
                p,
                "graphs.<id>.streaming was removed; delete the key (the change feed needs no declaration)");
        default -> out.error("invalid_cluster_yaml", p, ConfigReader.unknown(e.getKey(), KEYS));
      }
    }
    if (schema == null) {
      if (!m.entries().containsKey("schema")) {
        out.error(
            "invalid_cluster_yaml",
            path + ".schema",
            "graph '" + id + "' needs `schema: <file.pg>`");
      }
      return Optional.empty();
    }
    return Optional.of(new GraphDecl(id, schema, queries, provider, blobs));
  }

  private String scalar(YNode v, String path) {
    if (v instanceof YNode.Scalar s
        && s.kind() == YNode.Scalar.Kind.STRING
        && !s.text().isBlank()) {
      return s.text();
    }
    out.error("invalid_cluster_yaml", path, path + " must be a non-blank file path");
    return null;
  }

  private QueriesDecl queries(YNode v, String path) {
    if (v instanceof YNode.Scalar s && s.isNull()) {
      return null;
    }
    if (v instanceof YNode.Mapping m) {
      Map<String, String> files = new LinkedHashMap<>();
      for (var e : m.entries().entrySet()) {
        String p = path + "." + e.getKey();
        if (!ConfigReader.ID.matcher(e.getKey()).matches()) {
          out.error(
              "invalid_resource_id",
              p,
              "invalid query name '" + e.getKey() + "': ids match ^[A-Za-z_][A-Za-z0-9_-]*$");
          continue;
        }
        String file = explicitFile(e.getValue(), p);
        if (file != null) {
          files.put(e.getKey(), file);
        }
      }
      return new QueriesDecl.Explicit(files);
    }
    List<String> paths = ConfigReader.strings(v);
    if (paths == null || paths.stream().anyMatch(String::isBlank)) {
      out.error(
          "invalid_cluster_yaml",
          path,
          "queries must be a directory or file, a list of them, or a map of name → {file: …}");
      return null;
    }
    return new QueriesDecl.Paths(paths);
  }

  private String explicitFile(YNode v, String path) {
    if (v instanceof YNode.Mapping m) {
      for (String k : m.entries().keySet()) {
        if (!k.equals("file")) {
          out.error(
              "invalid_cluster_yaml", path + "." + k, ConfigReader.unknown(k, Set.of("file")));
        }
      }
      YNode f = m.entries().get("file");
      if (f instanceof YNode.Scalar s
          && s.kind() == YNode.Scalar.Kind.STRING
          && !s.text().isBlank()) {
        return s.text();
      }
    }
    out.error("invalid_cluster_yaml", path, "an explicit query needs `{ file: <file.gq> }`");
    return null;
  }

  private String provider(YNode v, String path) {
    if (!(v instanceof YNode.Scalar s) || s.kind() != YNode.Scalar.Kind.STRING) {
      out.error("invalid_cluster_yaml", path, "embedding_provider must be a provider name");
      return null;
    }
    String ref = s.text();
    String name = ref.startsWith("provider.embedding.") ? ref.substring(19) : ref;
    if (name.contains(".")) {
      out.error(
          "wrong_kind_reference",
          path,
          "'"
              + ref
              + "' is not an embedding provider reference; write <name> or provider.embedding.<name>");
      return null;
    }
    if (!providers.containsKey(name)) {
      out.error(
          "dangling_embedding_provider_reference",
          path,
          "embedding provider '" + name + "' is not declared under providers.embedding");
      return null;
    }
    return name;
  }
}
