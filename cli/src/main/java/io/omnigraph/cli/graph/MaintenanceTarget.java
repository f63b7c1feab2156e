package io.omnigraph.cli.graph;

import io.omnigraph.cli.CliException;
import io.omnigraph.cli.ExitCodes;
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
   * Hook for cluster addressing: resolves {@code --cluster … --graph …} to the graph's storage URI
   * from the applied ledger (04 §8: an unapplied graph is {@code graph_not_applied}; one applied
   * graph makes {@code --graph} optional; several are an error listing the candidates). Not wired
   * until the control plane lands.
   */
  static String fromCluster(String cluster, String graph) {
    throw new CliException(
        "--cluster addressing of maintenance commands is not available yet (it needs the applied"
            + " cluster ledger); address the graph's storage directly: <storage-root>/graphs/"
            + (graph == null ? "<id>" : graph)
            + ".omni as a positional URI or --store");
  }

  void echo(PrintWriter err, String verb, String uri) {
    GraphTargets.echo(err, verb, uri, quiet);
  }
}
