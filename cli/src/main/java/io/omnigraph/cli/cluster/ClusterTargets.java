package io.omnigraph.cli.cluster;

import io.omnigraph.cli.CliException;
import io.omnigraph.cli.config.OperatorConfig;
import io.omnigraph.cluster.state.AppliedCluster;
import io.omnigraph.cluster.state.StateException;
import java.util.Map;

/**
 * {@code --cluster <dir|s3://…|name>} addressing (08 §1, 05 §11): a {@code clusters:} name from the
 * operator config, a storage-root URI, or a config directory. Maintenance verbs ({@code optimize},
 * {@code cleanup}, …) resolve a graph root from the <em>applied</em> ledger only (no catalog or
 * recovery checks, so it works on a degraded cluster).
 */
public final class ClusterTargets {
  private ClusterTargets() {}

  /** A {@code clusters:} name → its root; anything else is returned unchanged. */
  public static String resolveCluster(String value, Map<String, String> env) {
    if (value.contains("://") || value.contains("/") || value.equals(".")) {
      return value;
    }
    String named = OperatorConfig.load(env).clusters().get(value);
    return named != null ? named : value;
  }

  /**
   * The storage URI of graph {@code graphId} (null = the only applied graph) in the cluster named
   * by {@code clusterArg}. Errors: {@code cluster_state_missing}, {@code graph_not_applied} (lists
   * the applied graphs), as a {@link CliException} (exit 1).
   */
  public static String resolveGraphRoot(
      String clusterArg, String graphId, Map<String, String> env) {
    try {
      return AppliedCluster.read(resolveCluster(clusterArg, env), env).resolveRoot(graphId);
    } catch (StateException e) {
      throw new CliException(e.code() + ": " + e.getMessage());
    }
  }
}
