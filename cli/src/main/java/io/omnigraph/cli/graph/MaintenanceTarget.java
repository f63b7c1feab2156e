package io.omnigraph.cli.graph;

import io.omnigraph.cli.CliEnv;
import io.omnigraph.cli.CliException;
import io.omnigraph.cli.ExitCodes;
import io.omnigraph.cli.cluster.ClusterTargets;
import io.omnigraph.cli.config.OperatorConfig;
import io.omnigraph.cli.config.ScopeConfig;
import java.io.PrintWriter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The target options of the direct maintenance commands ({@code optimize}, {@code repair}, {@code
 * cleanup}; 08 §2): a positional {@code file://}/{@code s3://} URI or path, {@code --store <uri>},
 * or {@code --cluster <dir|root|name> --graph <id>}. {@code --server} and {@code http(s)://} URIs
 * are refused. Commands resolve the target once with {@link #resolve(String)} and then work on a
 * plain graph URI.
 */
public final class MaintenanceTarget {
  @Parameters(
      arity = "0..1",
      paramLabel = "<uri>",
      description = "The graph root (path, file://, s3://).")
  String positional;

  @Option(names = "--store", paramLabel = "<uri>", description = "The graph root, as an option.")
  String store;

  @Option(
      names = "--cluster",
      paramLabel = "<dir|uri|name>",
      description = "A cluster (config dir, storage root or clusters: name); with --graph.")
  String cluster;

  @Option(
      names = "--graph",
      paramLabel = "<id>",
      description = "The cluster graph (with --cluster).")
  String graph;

  @Option(names = "--server", paramLabel = "<name|url>", hidden = true)
  String server;

  @Option(
      names = "--profile",
      paramLabel = "<name>",
      description = "A store or cluster profile (default $OMNIGRAPH_PROFILE, then defaults.store).")
  String profile;

  @Option(names = "--as", paramLabel = "<actor>", hidden = true)
  String actor;

  @Option(names = "--quiet", description = "Do not echo the target on stderr.")
  boolean quiet;

  /** The graph URI this invocation addresses (exactly one form). */
  String resolve(String verb) {
    if (actor != null) {
      throw new CliException(
          verb + " records no actor (direct maintenance); drop --as", ExitCodes.USAGE);
    }
    if (server != null) {
      throw new CliException(
          verb
              + " is a direct (storage-native) command; --server addresses a served graph and does"
              + " not apply. Pass a storage URI, or --cluster <dir> --graph <id>.",
          ExitCodes.USAGE);
    }
    int forms = (positional != null ? 1 : 0) + (store != null ? 1 : 0) + (cluster != null ? 1 : 0);
    if (forms == 0) {
      String configured = configured(verb);
      if (configured != null) {
        GraphTargets.refuseRemoteHttp(configured);
        return configured;
      }
    }
    if (forms > 1) {
      throw new CliException(
          "give the graph once: a positional URI, --store <uri>, or --cluster <dir> --graph <id>",
          ExitCodes.USAGE);
    }
    if (graph != null && cluster == null) {
      throw new CliException(
          "--graph selects a graph inside a cluster; pass --cluster <dir> too (or address the"
              + " graph's storage directly with a URI or --store)",
          ExitCodes.USAGE);
    }
    if (forms == 0) {
      throw new CliException(
          "no graph given: pass a graph URI, --store <uri>, or --cluster <dir> --graph <id>",
          ExitCodes.USAGE);
    }
    String uri =
        cluster != null ? fromCluster(cluster, graph) : positional != null ? positional : store;
    GraphTargets.refuseRemoteHttp(uri);
    return uri;
  }

  /**
   * The graph of a {@code --profile}/{@code $OMNIGRAPH_PROFILE} or {@code defaults.store} scope (08
   * §2 resolution order), or null when none is configured. A server-bound scope is refused:
   * maintenance needs storage access.
   */
  private String configured(String verb) {
    java.util.Map<String, String> env = CliEnv.get();
    OperatorConfig config = OperatorConfig.load(env);
    String name = profile != null ? profile : env.get("OMNIGRAPH_PROFILE");
    if (name != null && !name.isBlank()) {
      ScopeConfig.Profile p = config.scopes().profiles().get(name);
      if (p == null) {
        throw new CliException(
            "unknown profile '" + name + "': not in profiles: of " + config.path(),
            ExitCodes.USAGE);
      }
      if (p.server() != null) {
        throw serverScope(verb, "profile '" + name + "'");
      }
      if (p.cluster() != null) {
        return fromCluster(p.cluster(), graph != null ? graph : p.defaultGraph());
      }
      refuseGraph();
      return p.store();
    }
    if (config.scopes().defaults().server() != null) {
      throw serverScope(verb, "the default scope (defaults.server)");
    }
    if (config.scopes().defaults().store() != null) {
      refuseGraph();
      return config.scopes().defaults().store();
    }
    return null;
  }

  private void refuseGraph() {
    if (graph != null) {
      throw new CliException(
          "--graph selects a graph inside a cluster; the configured scope is one graph's storage",
          ExitCodes.USAGE);
    }
  }

  private static CliException serverScope(String verb, String what) {
    return new CliException(
        verb
            + " is a direct (storage-native) command; "
            + what
            + " addresses a served graph and does not apply. Pass a storage URI, or --cluster"
            + " <dir> --graph <id>.",
        ExitCodes.USAGE);
  }

  /**
   * Resolves {@code --cluster … --graph …} to the graph's storage URI from the applied ledger (05
   * §11: an unapplied graph is {@code graph_not_applied}; one applied graph makes {@code --graph}
   * optional; several are an error listing the candidates).
   */
  static String fromCluster(String cluster, String graph) {
    return ClusterTargets.resolveGraphRoot(cluster, graph, CliEnv.get());
  }

  void echo(PrintWriter err, String verb, String uri) {
    GraphTargets.echo(err, verb, uri, quiet);
  }
}
