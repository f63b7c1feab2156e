package io.omnigraph.cli.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnigraph.cli.CliException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The scope sections of the operator config (08 §5): {@code servers:} (name → {@code {url,
 * default_graph?}}), {@code profiles:} (name → exactly one of {@code server|cluster|store}, plus
 * {@code default_graph?}) and {@code defaults:} ({@code server} or {@code store}, {@code
 * default_graph}, output settings). Shapes are checked strictly; unknown keys warn.
 */
public final class ScopeConfig {
  /** One {@code servers:} entry. */
  public record Server(String name, String url, String defaultGraph) {}

  /** One {@code profiles:} entry; exactly one of server, cluster, store is set. */
  public record Profile(
      String name, String server, String cluster, String store, String defaultGraph) {}

  /** {@code defaults:}; server and store are mutually exclusive. */
  public record Defaults(String server, String store, String defaultGraph, String output) {
    static final Defaults NONE = new Defaults(null, null, null, null);
  }

  private static final Set<String> SERVER_KEYS = Set.of("url", "default_graph");
  private static final Set<String> PROFILE_KEYS =
      Set.of("server", "cluster", "store", "default_graph");
  private static final Set<String> DEFAULT_KEYS =
      Set.of(
          "output",
          "table_max_column_width",
          "table_cell_layout",
          "server",
          "store",
          "default_graph");

  private final Map<String, Server> servers;
  private final Map<String, Profile> profiles;
  private final Defaults defaults;

  private ScopeConfig(Map<String, Server> s, Map<String, Profile> p, Defaults d) {
    this.servers = s;
    this.profiles = p;
    this.defaults = d;
  }

  static ScopeConfig parse(Path path, JsonNode doc, List<String> warnings) {
    Reader r = new Reader(path, warnings);
    return new ScopeConfig(
        r.servers(doc.path("servers")),
        r.profiles(doc.path("profiles")),
        r.defaults(doc.path("defaults")));
  }

  public Map<String, Server> servers() {
    return servers;
  }

  public Map<String, Profile> profiles() {
    return profiles;
  }

  public Defaults defaults() {
    return defaults;
  }

  /** Reads the three sections, naming the file in every message. */
  private record Reader(Path path, List<String> warnings) {
    private CliException bad(String what) {
      return new CliException("operator config " + path + ": " + what);
    }

    private boolean absent(JsonNode n) {
      return n.isMissingNode() || n.isNull();
    }

    private void keys(JsonNode n, String where, Set<String> known) {
      for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        if (!known.contains(k)) {
          warnings.add("operator config " + path + ": unknown key '" + where + k + "' ignored");
        }
      }
    }

    private String text(JsonNode n, String key, String where) {
      JsonNode v = n.path(key);
      if (absent(v)) {
        return null;
      }
      if (!v.isTextual() || v.asText().isBlank()) {
        throw bad(where + key + " must be a non-empty string");
      }
      return v.asText();
    }

    private JsonNode mapping(JsonNode n, String what) {
      if (!n.isObject()) {
        throw bad(what);
      }
      return n;
    }

    Map<String, Server> servers(JsonNode section) {
      if (absent(section)) {
        return Map.of();
      }
      mapping(section, "servers must be a mapping of name → { url: <http(s) url> }");
      Map<String, Server> out = new TreeMap<>();
      section
          .fields()
          .forEachRemaining(
              e -> {
                String where = "servers." + e.getKey() + ".";
                JsonNode s = mapping(e.getValue(), "servers." + e.getKey() + " must be a mapping");
                keys(s, where, SERVER_KEYS);
                String url = text(s, "url", where);
                if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
                  throw bad(where + "url must be an http:// or https:// URL");
                }
                out.put(e.getKey(), new Server(e.getKey(), url, text(s, "default_graph", where)));
              });
      return java.util.Collections.unmodifiableMap(out);
    }

    Map<String, Profile> profiles(JsonNode section) {
      if (absent(section)) {
        return Map.of();
      }
      mapping(section, "profiles must be a mapping of name → { server|cluster|store: … }");
      Map<String, Profile> out = new TreeMap<>();
      section
          .fields()
          .forEachRemaining(
              e -> {
                String where = "profiles." + e.getKey() + ".";
                JsonNode p = mapping(e.getValue(), "profiles." + e.getKey() + " must be a mapping");
                keys(p, where, PROFILE_KEYS);
                Profile pr =
                    new Profile(
                        e.getKey(),
                        text(p, "server", where),
                        text(p, "cluster", where),
                        text(p, "store", where),
                        text(p, "default_graph", where));
                int n =
                    (pr.server() != null ? 1 : 0)
                        + (pr.cluster() != null ? 1 : 0)
                        + (pr.store() != null ? 1 : 0);
                if (n != 1) {
                  throw bad(
                      "profile " + e.getKey() + " must set exactly one of server|cluster|store");
                }
                out.put(e.getKey(), pr);
              });
      return java.util.Collections.unmodifiableMap(out);
    }

    Defaults defaults(JsonNode d) {
      if (absent(d)) {
        return Defaults.NONE;
      }
      mapping(d, "defaults must be a mapping");
      keys(d, "defaults.", DEFAULT_KEYS);
      Defaults out =
          new Defaults(
              text(d, "server", "defaults."),
              text(d, "store", "defaults."),
              text(d, "default_graph", "defaults."),
              text(d, "output", "defaults."));
      if (out.output() != null
          && !List.of("table", "kv", "csv", "jsonl", "json").contains(out.output())) {
        throw bad("defaults.output must be one of table, kv, csv, jsonl, json");
      }
      if (out.server() != null && out.store() != null) {
        throw bad("defaults.server and defaults.store are mutually exclusive; keep one");
      }
      return out;
    }
  }
}
