package io.omnigraph.engine.root;

import io.omnigraph.storage.ObjectStore;
import io.omnigraph.storage.ObjectStores;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 04 §1: {@code init} refuses a cluster-managed path, {@code <root>/graphs/<id>.omni} where {@code
 * <root>/__cluster/state.json} exists (cluster graphs come only from {@code cluster apply}).
 */
public final class ClusterPaths {
  private static final Pattern MANAGED = Pattern.compile("^(.+)/graphs/[^/]+\\.omni/*$");

  private ClusterPaths() {}

  /**
   * Whether {@code uri} is {@code <root>/graphs/<id>.omni} under a cluster root (one holding {@code
   * __cluster/state.json}); direct {@code schema apply} refuses such graphs (spec 02 §8).
   */
  public static boolean isClusterManaged(String uri, Map<String, String> env) {
    Matcher m = MANAGED.matcher(uri);
    if (!m.matches()) {
      return false;
    }
    try (ObjectStore root = ObjectStores.open(m.group(1), env)) {
      return root.exists("__cluster/state.json");
    }
  }

  static void refuseClusterManaged(String uri, Map<String, String> env) {
    Matcher m = MANAGED.matcher(uri);
    if (!m.matches()) {
      return;
    }
    try (ObjectStore root = ObjectStores.open(m.group(1), env)) {
      if (root.exists("__cluster/state.json")) {
        throw new RootException(
            RootException.Kind.CLUSTER_MANAGED,
            uri
                + " is a cluster-managed graph path ("
                + m.group(1)
                + " holds __cluster/state.json); cluster graphs are created by cluster apply");
      }
    }
  }
}
