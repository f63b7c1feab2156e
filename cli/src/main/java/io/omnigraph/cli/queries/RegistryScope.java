package io.omnigraph.cli.queries;

import io.omnigraph.cli.CliException;
import io.omnigraph.cli.cluster.ClusterTargets;
import io.omnigraph.cluster.state.AppliedCluster;
import io.omnigraph.cluster.state.AppliedCluster.AppliedGraph;
import io.omnigraph.cluster.state.StateException;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --cluster <dir|uri|name> [--graph <id>]} for {@code queries *} (08 §2, control scope): the
 * cluster's <em>applied</em> revision, never its config. Graph selection is the maintenance
 * resolution of {@link AppliedCluster#resolveRoot}: exactly one applied graph needs no {@code
 * --graph}; several, or an unknown id, fail with {@code graph_not_applied} listing the candidates.
 */
public final class RegistryScope {
  @Option(
      names = "--cluster",
      required = true,
      paramLabel = "<dir|uri|name>",
      description = "Cluster config dir, storage-root URI (file://, s3://) or clusters: name.")
  String cluster;

  @Option(
      names = "--graph",
      paramLabel = "<id>",
      description = "The applied graph (optional when the cluster has exactly one).")
  String graph;

  /** The applied cluster and the selected graph in it. */
  record Selected(AppliedCluster cluster, AppliedGraph graph) {}

  Selected select(Map<String, String> env) {
    try {
      AppliedCluster applied =
          AppliedCluster.read(ClusterTargets.resolveCluster(cluster, env), env);
      applied.resolveRoot(graph); // graph_not_applied (with candidates) unless one is selected
      String id = graph != null ? graph : applied.graphs().firstKey();
      return new Selected(applied, applied.graphs().get(id));
    } catch (StateException e) {
      throw new CliException(e.code() + ": " + e.getMessage());
    }
  }
}
