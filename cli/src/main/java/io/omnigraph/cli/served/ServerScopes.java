package io.omnigraph.cli.served;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnigraph.cli.CliException;
import io.omnigraph.cli.ExitCodes;
import io.omnigraph.cli.config.OperatorConfig;
import io.omnigraph.cli.config.ScopeConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a {@code --server <name|url>} (or a server profile/default) into a {@link ServerClient}
 * with the right token (08 §5), and selects the graph (08 §2): {@code --graph}, else the scope's
 * {@code default_graph}, else the only graph {@code GET /graphs} lists; several are an error
 * listing them; when {@code /graphs} cannot be consulted (denied, unreachable, not omnigraph) the
 * bare URL is used.
 */
public final class ServerScopes {
  private static final Pattern GRAPH_URL = Pattern.compile("^(https?://.+?)/graphs/([^/]+)/?$");

  private final OperatorConfig config;
  private final Map<String, String> env;

  public ServerScopes(OperatorConfig config, Map<String, String> env) {
    this.config = config;
    this.env = env;
  }

  /** A configured server or URL, with its client (token chosen by 08 §5). */
  record Target(String url, ScopeConfig.Server entry, ServerClient client) {}

  Target target(String serverArg) {
    ScopeConfig.Server entry;
    String url;
    if (serverArg.startsWith("http://") || serverArg.startsWith("https://")) {
      url = trim(serverArg);
      entry = matching(url);
    } else {
      entry = config.scopes().servers().get(serverArg);
      if (entry == null) {
        throw new CliException(
            "unknown server '"
                + serverArg
                + "': not in servers: of "
                + config.path()
                + known(config.scopes().servers().keySet())
                + "; pass an http(s):// URL or add the server there",
            ExitCodes.USAGE);
      }
      url = trim(entry.url());
    }
    String token = Credentials.of(env).tokenFor(entry, env);
    return new Target(url, entry, new ServerClient(url, token));
  }

  /** The configured server whose {@code url} prefixes {@code url} (longest match), or null. */
  private ScopeConfig.Server matching(String url) {
    ScopeConfig.Server best = null;
    for (ScopeConfig.Server s : config.scopes().servers().values()) {
      String u = trim(s.url());
      boolean prefix = url.equals(u) || url.startsWith(u + "/");
      if (prefix && (best == null || u.length() > trim(best.url()).length())) {
        best = s;
      }
    }
    return best;
  }

  private static String trim(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static String known(java.util.Collection<String> names) {
    return names.isEmpty() ? " (none configured)" : " (known: " + String.join(", ", names) + ")";
  }

  /** The graph a data verb addresses on {@code serverArg}. */
  public ServedGraph graph(String serverArg, String graphFlag, String scopeDefaultGraph) {
    Target t = target(serverArg);
    Matcher m = GRAPH_URL.matcher(t.url());
    if (m.matches()) {
      if (graphFlag != null) {
        throw new CliException(
            "--graph is not accepted with a single-graph address (" + t.url() + ")",
            ExitCodes.USAGE);
      }
      ServerClient c = new ServerClient(m.group(1), tokenOf(t));
      return new ServedGraph(c, urlDecode(m.group(2)), null);
    }
    String id = graphFlag;
    if (id == null) {
      id = scopeDefaultGraph;
    }
    if (id == null && t.entry() != null) {
      id = t.entry().defaultGraph();
    }
    return id != null ? new ServedGraph(t.client(), id, null) : select(t.client());
  }

  /** The bare server URL of {@code graphs list} (single-graph URLs refused). */
  public ServerClient bare(String serverArg) {
    Target t = target(serverArg);
    if (GRAPH_URL.matcher(t.url()).matches()) {
      throw new CliException(
          "graphs list needs a bare server URL, not a graph URL (" + t.url() + ")",
          ExitCodes.USAGE);
    }
    return t.client();
  }

  private String tokenOf(Target t) {
    return Credentials.of(env).tokenFor(t.entry(), env);
  }

  private static String urlDecode(String s) {
    return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
  }

  private static ServedGraph select(ServerClient client) {
    JsonNode list;
    try {
      list = client.get("/graphs");
    } catch (ServerError e) {
      return new ServedGraph(client, null, "HTTP " + e.status() + " " + e.getMessage());
    } catch (CliException e) {
      return new ServedGraph(client, null, e.getMessage());
    }
    List<String> ids = new ArrayList<>();
    list.path("graphs").forEach(g -> ids.add(g.path("graph_id").asText()));
    if (!list.path("graphs").isArray()) {
      return new ServedGraph(client, null, "GET /graphs gave no graph list");
    }
    if (ids.size() == 1) {
      return new ServedGraph(client, ids.get(0), null);
    }
    if (ids.isEmpty()) {
      throw new CliException("the server at " + client.base() + " serves no graphs");
    }
    throw new CliException(
        "the server at "
            + client.base()
            + " serves several graphs; pass --graph <id> (one of: "
            + String.join(", ", ids)
            + ")",
        ExitCodes.USAGE);
  }
}
