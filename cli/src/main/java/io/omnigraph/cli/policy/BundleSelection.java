package io.omnigraph.cli.policy;

import io.omnigraph.cli.CliException;
import io.omnigraph.cli.ExitCodes;
import io.omnigraph.policy.BindingKind;
import io.omnigraph.policy.PolicyBundle;
import io.omnigraph.policy.PolicyBundles;
import io.omnigraph.policy.PolicyEngine;
import io.omnigraph.policy.PolicyResult;
import io.omnigraph.server.boot.AppliedRevision.AppliedPolicy;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/**
 * {@code --cluster <dir|uri> [--graph <id> | --scope cluster]}: picks one bundle (decision 7) and
 * compiles it for its binding.
 */
public final class BundleSelection {
  @Option(
      names = "--cluster",
      required = true,
      paramLabel = "<dir|uri>",
      description = "Cluster config directory or storage-root URI (its applied bundles).")
  String cluster;

  @Option(
      names = "--graph",
      paramLabel = "<id>",
      description = "Select the bundle bound to this graph.")
  String graph;

  @Option(
      names = "--scope",
      paramLabel = "cluster",
      description = "Select the server-level bundle (bound to cluster).")
  String scope;

  /** The chosen bundle, compiled: its name, its source kind and the engine. */
  record Selected(String name, String source, PolicyBundle bundle, PolicyEngine engine) {}

  Selected select(Map<String, String> env) {
    if (scope != null && !scope.equals("cluster")) {
      throw new CliException("--scope takes only 'cluster'", ExitCodes.USAGE);
    }
    if (scope != null && graph != null) {
      throw new CliException("--graph and --scope cluster are exclusive", ExitCodes.USAGE);
    }
    AppliedBundles.Loaded loaded = AppliedBundles.read(cluster, env);
    List<AppliedPolicy> all = loaded.bundles();
    List<AppliedPolicy> candidates;
    String what;
    if (graph != null) {
      candidates = all.stream().filter(p -> p.bindings().contains("graph." + graph)).toList();
      what = "graph '" + graph + "'";
    } else if (scope != null) {
      candidates = all.stream().filter(AppliedPolicy::bindsCluster).toList();
      what = "the cluster scope";
    } else {
      candidates = all;
      what = "the cluster";
    }
    if (candidates.isEmpty()) {
      throw new CliException("no " + loaded.source() + " policy bundle is bound to " + what);
    }
    if (candidates.size() > 1) {
      String names = candidates.stream().map(AppliedPolicy::name).collect(Collectors.joining(", "));
      throw new CliException(
          graph == null && scope == null
              ? "several policy bundles are "
                  + loaded.source()
                  + " ("
                  + names
                  + "); pass --graph <id> or --scope cluster to select one"
              : "several bundles bind "
                  + what
                  + " ("
                  + names
                  + "); the cluster model expects one"
                  + " bundle per graph scope");
    }
    return compile(candidates.get(0), loaded.source());
  }

  private Selected compile(AppliedPolicy p, String source) {
    BindingKind kind = p.bindsCluster() ? BindingKind.SERVER : BindingKind.GRAPH;
    PolicyResult<PolicyBundle> r = PolicyBundles.parse(p.yaml(), p.sourceName(), kind);
    if (!r.ok()) {
      throw new CliException(
          "policy bundle '" + p.name() + "' is invalid (policy_invalid):\n" + r.renderErrors());
    }
    String graphId = graph != null ? graph : firstGraph(p);
    return new Selected(p.name(), source, r.value(), PolicyEngine.compile(r.value(), graphId));
  }

  private static String firstGraph(AppliedPolicy p) {
    return p.bindings().stream()
        .filter(b -> b.startsWith("graph."))
        .map(b -> b.substring(6))
        .findFirst()
        .orElse(null);
  }
}
