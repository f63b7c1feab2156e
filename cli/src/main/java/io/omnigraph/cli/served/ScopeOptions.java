package io.omnigraph.cli.served;

import io.omnigraph.cli.CliEnv;
import io.omnigraph.cli.CliException;
import io.omnigraph.cli.ExitCodes;
import io.omnigraph.cli.config.OperatorConfig;
import io.omnigraph.cli.config.ScopeConfig;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The scope options of the data verbs (08 §1–§2, a picocli mixin): {@code --server <name|url>},
 * {@code --graph <id>}, {@code --profile <name>}. {@link #resolve} applies the scope resolution
 * order — explicit address (positional URI, {@code --store}/{@code --uri}, {@code --server}) →
 * {@code --profile}/{@code $OMNIGRAPH_PROFILE} → flat {@code defaults:} — and returns either a
 * graph URI (embedded) or a {@link ServedGraph}.
 */
public final class ScopeOptions {
  public static final String REMOTE_POSITIONAL =
      "a remote graph must be addressed with --server <url> — a positional (or --uri) http(s)://"
          + " URL no longer dispatches to a server.";

  @Option(
      names = "--server",
      paramLabel = "<name|url>",
      description = "Served graph: a servers: name of the operator config or an http(s):// URL.")
  String server;

  @Option(
      names = "--graph",
      paramLabel = "<id>",
      description = "The graph on the server (default: default_graph, else its only graph).")
  String graph;

  @Option(
      names = "--profile",
      paramLabel = "<name>",
      description = "A profiles: entry of the operator config (default $OMNIGRAPH_PROFILE).")
  String profile;

  /** Where a data verb runs: exactly one of {@code uri} (embedded) and {@code served}. */
  public record Scope(String uri, ServedGraph served) {
    public boolean isServed() {
      return served != null;
    }
  }

  /** Whether {@code --server} was given (verbs with served-only shapes check this early). */
  public boolean serverGiven() {
    return server != null;
  }

  /**
   * Resolves the scope of {@code verb}. {@code positional}/{@code store}: the explicit graph URI
   * forms the verb has (null when absent); {@code actor}: its {@code --as} (refused when served).
   */
  public Scope resolve(
      String verb, String positional, String store, String actor, PrintWriter err) {
    Scope s = resolveOrNull(verb, positional, store, actor, err);
    if (s == null) {
      throw new CliException(
          "no graph given: pass a graph URI (or --uri/--store <uri>), or --server <name|url>",
          ExitCodes.USAGE);
    }
    return s;
  }

  /**
   * Like {@link #resolve} but null when nothing addresses a graph (no URI, no {@code --server}, no
   * profile, no default scope): {@code query}/{@code mutate} then read their positional as the
   * graph URI (the embedded spelling they had before served mode).
   */
  public Scope resolveOrNull(
      String verb, String positional, String store, String actor, PrintWriter err) {
    for (String u : new String[] {positional, store}) {
      if (u != null && (u.startsWith("http://") || u.startsWith("https://"))) {
        throw new CliException(REMOTE_POSITIONAL, ExitCodes.USAGE);
      }
    }
    if (positional != null && store != null) {
      throw new CliException(
          "give the graph once: either a positional URI or --uri/--store, not both",
          ExitCodes.USAGE);
    }
    String uri = positional != null ? positional : store;
    if (server != null && uri != null) {
      throw new CliException(
          "--server addresses a served graph and is exclusive with a graph URI ("
              + uri
              + "); pass one of them",
          ExitCodes.USAGE);
    }
    if (uri != null) {
      refuseGraph("a graph URI addresses exactly one graph");
      return new Scope(uri, null);
    }
    Map<String, String> env = CliEnv.get();
    OperatorConfig config = OperatorConfig.load(env);
    config.warnings().forEach(w -> err.println("warning: " + w));
    err.flush();
    ServerScopes servers = new ServerScopes(config, env);
    Scope s = fromConfig(verb, config, servers, env);
    if (s != null && s.isServed() && actor != null) {
      throw new CliException(
          "--as is not accepted on served writes: the server records the actor its bearer token"
              + " was minted for; drop --as",
          ExitCodes.USAGE);
    }
    return s;
  }

  private Scope fromConfig(
      String verb, OperatorConfig config, ServerScopes servers, Map<String, String> env) {
    if (server != null) {
      return new Scope(null, servers.graph(server, graph, null));
    }
    String name = profile != null ? profile : blankToNull(env.get("OMNIGRAPH_PROFILE"));
    if (name != null) {
      ScopeConfig.Profile p = config.scopes().profiles().get(name);
      if (p == null) {
        throw new CliException(
            "unknown profile '"
                + name
                + "': not in profiles: of "
                + config.path()
                + (profile == null ? " (from $OMNIGRAPH_PROFILE)" : ""),
            ExitCodes.USAGE);
      }
      if (p.cluster() != null) {
        throw new CliException(
            "profile '"
                + name
                + "' is bound to cluster "
                + p.cluster()
                + "; "
                + verb
                + " is a data verb and needs a server or store scope (pass --server <name|url>,"
                + " a graph URI, or another profile)",
            ExitCodes.USAGE);
      }
      if (p.store() != null) {
        refuseGraph("profile '" + name + "' addresses one graph's storage");
        return new Scope(p.store(), null);
      }
      return new Scope(null, servers.graph(p.server(), graph, p.defaultGraph()));
    }
    ScopeConfig.Defaults d = config.scopes().defaults();
    if (d.server() != null) {
      return new Scope(null, servers.graph(d.server(), graph, d.defaultGraph()));
    }
    if (d.store() != null) {
      refuseGraph("defaults.store addresses one graph's storage");
      return new Scope(d.store(), null);
    }
    if (graph != null) {
      throw new CliException(
          "--graph selects a graph on a server; pass --server <name|url> too (or a server"
              + " profile)",
          ExitCodes.USAGE);
    }
    return null;
  }

  private void refuseGraph(String why) {
    if (graph != null) {
      throw new CliException(
          "--graph selects a graph on a server; " + why + " (drop --graph)", ExitCodes.USAGE);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
