package io.omnigraph.cluster.config;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.cluster.Diagnostics;
import io.omnigraph.cluster.config.ClusterConfig.ProviderDecl;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** {@code providers.embedding.<name>} (05 §2.1); env references stay unresolved. */
final class ProviderReader {
  static final Set<String> KINDS = Set.of("openai-compatible", "openai", "gemini", "mock");
  private static final Set<String> KEYS =
      Set.of("kind", "provider", "base_url", "model", "api_key");
  private static final Pattern ENV_REF = Pattern.compile("^\\$\\{[A-Za-z_][A-Za-z0-9_]*}$");
  private final Diagnostics out;

  ProviderReader(Diagnostics out) {
    this.out = out;
  }

  Map<String, ProviderDecl> read(YNode v) {
    Map<String, ProviderDecl> result = new LinkedHashMap<>();
    if (v == null || (v instanceof YNode.Scalar s && s.isNull())) {
      return result;
    }
    if (!(v instanceof YNode.Mapping m)) {
      out.error(
          "invalid_cluster_yaml",
          "providers",
          "providers must be a mapping (only `embedding` is supported)");
      return result;
    }
    for (var e : m.entries().entrySet()) {
      if (!e.getKey().equals("embedding")) {
        out.error(
            "invalid_cluster_yaml",
            "providers." + e.getKey(),
            "unknown provider namespace '"
                + e.getKey()
                + "'; only providers.embedding is supported");
        continue;
      }
      if (e.getValue() instanceof YNode.Mapping embedding) {
        for (var p : embedding.entries().entrySet()) {
          String path = "providers.embedding." + p.getKey();
          if (!ConfigReader.ID.matcher(p.getKey()).matches()) {
            out.error(
                "invalid_resource_id",
                path,
                "invalid provider name '" + p.getKey() + "': ids match ^[A-Za-z_][A-Za-z0-9_-]*$");
            continue;
          }
          ObjectNode profile = profile(path, p.getValue());
          if (profile != null) {
            result.put(p.getKey(), new ProviderDecl(p.getKey(), profile));
          }
        }
      } else if (!(e.getValue() instanceof YNode.Scalar s && s.isNull())) {
        out.error(
            "invalid_cluster_yaml",
            "providers.embedding",
            "providers.embedding must be a mapping of provider name → profile");
      }
    }
    return result;
  }

  private ObjectNode profile(String path, YNode v) {
    if (!(v instanceof YNode.Mapping m)) {
      out.error(
          "invalid_embedding_provider",
          path,
          "an embedding provider must be a mapping with kind, base_url, model, api_key");
      return null;
    }
    Map<String, String> f = new LinkedHashMap<>();
    boolean ok = true;
    for (var e : m.entries().entrySet()) {
      if (!KEYS.contains(e.getKey())) {
        out.error(
            "invalid_cluster_yaml",
            path + "." + e.getKey(),
            ConfigReader.unknown(e.getKey(), KEYS));
        ok = false;
      } else if (e.getValue() instanceof YNode.Scalar s && s.kind() == YNode.Scalar.Kind.STRING) {
        String key = e.getKey().equals("provider") ? "kind" : e.getKey();
        if (f.containsKey(key)) {
          out.error("invalid_embedding_provider", path, "give either kind or provider, not both");
          ok = false;
        }
        f.put(key, s.text());
      } else {
        out.error(
            "invalid_embedding_provider",
            path + "." + e.getKey(),
            e.getKey() + " must be a string");
        ok = false;
      }
    }
    return ok && check(path, f) ? toProfile(f) : null;
  }

  private boolean check(String path, Map<String, String> f) {
    String kind = f.get("kind");
    if (kind == null || !KINDS.contains(kind)) {
      out.error(
          "invalid_embedding_provider",
          path + ".kind",
          "embedding provider kind must be one of openai-compatible, openai, gemini, mock (got "
              + kind
              + ")");
      return false;
    }
    boolean ok = true;
    String url = f.get("base_url");
    if (url != null && !validUrl(url)) {
      out.error(
          "invalid_embedding_provider",
          path + ".base_url",
          "base_url must be an absolute http(s) URL");
      ok = false;
    }
    String model = f.get("model");
    if (model != null && model.isBlank()) {
      out.error("invalid_embedding_provider", path + ".model", "model must not be blank");
      ok = false;
    }
    String key = f.get("api_key");
    if (key != null && !ENV_REF.matcher(key).matches()) {
      out.error(
          "embedding_api_key_inline",
          path + ".api_key",
          "api_key must reference an environment variable as ${NAME}; never write the key itself in cluster.yaml");
      ok = false;
    } else if (key == null && !kind.equals("mock")) {
      out.error(
          "embedding_api_key_required",
          path + ".api_key",
          "a " + kind + " provider needs api_key: ${ENV_VAR}");
      ok = false;
    }
    return ok;
  }

  private static boolean validUrl(String url) {
    try {
      URI u = new URI(url);
      return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null;
    } catch (Exception e) {
      return false;
    }
  }

  private static ObjectNode toProfile(Map<String, String> f) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    for (String k : new String[] {"kind", "base_url", "model", "api_key"}) {
      if (f.containsKey(k)) {
        o.put(k, f.get(k));
      }
    }
    return o;
  }
}
