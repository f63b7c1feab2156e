package io.omnigraph.cli.queries;

import io.omnigraph.cli.CliException;
import io.omnigraph.cli.ExitCodes;
import io.omnigraph.cli.cluster.ClusterTargets;
import io.omnigraph.cli.config.OperatorConfig;
import io.omnigraph.cli.config.ScopeConfig;
import io.omnigraph.cluster.state.AppliedCluster;
import io.omnigraph.cluster.state.AppliedCluster.AppliedGraph;
import io.omnigraph.cluster.state.StateException;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --cluster <dir|uri|name> [--graph <id>]} or a cluster profile, for {@code queries *} (08
 * §2, control scope): the cluster's <em>applied</em> revision, never its config. Scope order: an
 * explicit {@code --cluster}, then {@code --profile}/{@code $OMNIGRAPH_PROFILE} naming a cluster
 * profile (its {@code default_graph} when {@code --graph} is absent). Graph selection is the
 * maintenance resolution of {@link AppliedCluster#resolveRoot}: exactly one applied graph needs no
 * {@code --graph}; several, or an unknown id, fail with {@code graph_not_applied} listing the
 * candidates.
 */
public final class RegistryScope {
  @Option(
      names = "--cluster",
      paramLabel = "<dir|uri|name>",
      description = "Cluster config dir, storage-root URI (file://, s3://) or clusters: name.")
  String cluster;

  @Option(
      names = "--graph",
      paramLabel = "<id>",
      description = "The applied graph (optional when the cluster has exactly one).")
  String graph;

  @Option(
      names = "--profile",
      paramLabel = "<name>",
      description = "A cluster profile of the operator config (default $OMNIGRAPH_PROFILE).")
  String profile;

  /** The applied cluster and the selected graph in it. */
  record Selected(AppliedCluster cluster, AppliedGraph graph) {}

  Selected select(Map<String, String> env) {
    String target = cluster;
    String id = graph;
    if (target == null) {
      ScopeConfig.Profile p = clusterProfile(env);
      target = p.cluster();
      id = id != null ? id : p.defaultGraph();
    }
    try {
      AppliedCluster applied = AppliedCluster.read(ClusterTargets.resolveCluster(target, env), env);
      applied.resolveRoot(id); // graph_not_applied (with candidates) unless one is selected
      return new Selected(
          applied, applied.graphs().get(id != null ? id : applied.graphs().firstKey()));
    } catch (StateException e) {
      throw new CliException(e.code() + ": " + e.getMessage());
    }
  }

  private ScopeConfig.Profile clusterProfile(Map<String, String> env) {
    String name = profile != null ? profile : env.get("OMNIGRAPH_PROFILE");
    if (name == null || name.isBlank()) {
      throw new CliException(
          "no cluster given: pass --cluster <dir|uri|name> or --profile <cluster profile>",
          ExitCodes.USAGE);
    }
    OperatorConfig config = OperatorConfig.load(env);
    ScopeConfig.Profile p = config.scopes().profiles().get(name);
    if (p == null) {
      throw new CliException(
          "unknown profile '" + name + "': not in profiles: of " + config.path(), ExitCodes.USAGE);
    }
    if (p.cluster() == null) {
      throw new CliException(
          "queries reads a cluster's applied registry; profile '"
              + name
              + "' addresses "
              + (p.server() != null ? "a server" : "one graph's storage")
              + ". Pass --cluster <dir|uri|name> or a cluster profile.",
          ExitCodes.USAGE);
    }
    return p;
  }
}
