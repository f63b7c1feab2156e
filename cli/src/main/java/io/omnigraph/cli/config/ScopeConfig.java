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

  /**
   * One {@code aliases:} entry: a stored query on a named server, positional {@code args} mapped to
   * parameters in order, default {@code params}, an output {@code format}.
   */
  public record Alias(
      String name,
      String server,
      String graph,
      String query,
      List<String> args,
      com.fasterxml.jackson.databind.node.ObjectNode params,
      String format) {}

  /**
   * {@code defaults:}; server and store are mutually exclusive. {@code tableMaxColumnWidth} 0 = no
   * limit; {@code tableCellLayout} {@code truncate} (default) or {@code wrap}.
   */
  public record Defaults(
      String server,
      String store,
      String defaultGraph,
      String output,
      int tableMaxColumnWidth,
      String tableCellLayout) {
    static final Defaults NONE = new Defaults(null, null, null, null, 0, "truncate");
  }

  private static final Set<String> SERVER_KEYS = Set.of("url", "default_graph");
  private static final Set<String> PROFILE_KEYS =
      Set.of("server", "cluster", "store", "default_graph");
  private static final Set<String> ALIAS_KEYS =
      Set.of("server", "graph", "query", "args", "params", "format");
  private static final List<String> FORMATS = List.of("table", "kv", "csv", "jsonl", "json");
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
  private final Map<String, Alias> aliases;

  private ScopeConfig(
      Map<String, Server> s, Map<String, Profile> p, Defaults d, Map<String, Alias> a) {
    this.servers = s;
    this.profiles = p;
    this.defaults = d;
    this.aliases = a;
  }

  static ScopeConfig parse(Path path, JsonNode doc, List<String> warnings) {
    Reader r = new Reader(path, warnings);
    return new ScopeConfig(
        r.servers(doc.path("servers")),
        r.profiles(doc.path("profiles")),
        r.defaults(doc.path("defaults")),
        r.aliases(doc.path("aliases")));
  }

  public Map<String, Alias> aliases() {
    return aliases;
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

    Map<String, Alias> aliases(JsonNode section) {
      if (absent(section)) {
        return Map.of();
      }
      mapping(section, "aliases must be a mapping of name → { server, query, … }");
      Map<String, Alias> out = new TreeMap<>();
      section.fields().forEachRemaining(e -> out.put(e.getKey(), alias(e.getKey(), e.getValue())));
      return java.util.Collections.unmodifiableMap(out);
    }

    private Alias alias(String name, JsonNode a) {
      String where = "aliases." + name + ".";
      mapping(a, "aliases." + name + " must be a mapping");
      keys(a, where, ALIAS_KEYS);
      String server = text(a, "server", where);
      String query = text(a, "query", where);
      if (server == null || query == null) {
        throw bad(where + "server and " + where + "query are required (a stored query NAME)");
      }
      List<String> args = new java.util.ArrayList<>();
      JsonNode list = a.path("args");
      if (!absent(list)) {
        if (!list.isArray()) {
          throw bad(where + "args must be a list of parameter names");
        }
        list.forEach(
            n -> {
              if (!n.isTextual() || n.asText().isBlank()) {
                throw bad(where + "args must be a list of parameter names");
              }
              args.add(n.asText());
            });
      }
      JsonNode params = a.path("params");
      if (!absent(params) && !params.isObject()) {
        throw bad(where + "params must be a mapping of parameter → value");
      }
      String format = text(a, "format", where);
      if (format != null && !FORMATS.contains(format)) {
        throw bad(where + "format must be one of table, kv, csv, jsonl, json");
      }
      return new Alias(
          name,
          server,
          text(a, "graph", where),
          query,
          List.copyOf(args),
          absent(params)
              ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
              : ((com.fasterxml.jackson.databind.node.ObjectNode) params).deepCopy(),
          format);
    }

    Defaults defaults(JsonNode d) {
      if (absent(d)) {
        return Defaults.NONE;
      }
      mapping(d, "defaults must be a mapping");
      keys(d, "defaults.", DEFAULT_KEYS);
      JsonNode width = d.path("table_max_column_width");
      if (!absent(width) && (!width.isInt() || width.asInt() < 1)) {
        throw bad("defaults.table_max_column_width must be a positive integer");
      }
      String layout = text(d, "table_cell_layout", "defaults.");
      if (layout != null && !layout.equals("truncate") && !layout.equals("wrap")) {
        throw bad("defaults.table_cell_layout must be truncate or wrap");
      }
      Defaults out =
          new Defaults(
              text(d, "server", "defaults."),
              text(d, "store", "defaults."),
              text(d, "default_graph", "defaults."),
              text(d, "output", "defaults."),
              absent(width) ? 0 : width.asInt(),
              layout == null ? "truncate" : layout);
      if (out.output() != null && !FORMATS.contains(out.output())) {
        throw bad("defaults.output must be one of table, kv, csv, jsonl, json");
      }
      if (out.server() != null && out.store() != null) {
        throw bad("defaults.server and defaults.store are mutually exclusive; keep one");
      }
      return out;
    }
  }
}
