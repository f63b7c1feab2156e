package io.omnigraph.server.boot;

import io.omnigraph.engine.exec.ExecOptions;
import io.omnigraph.engine.exec.MockEmbedder;
import io.omnigraph.engine.root.GraphRoot;
import io.omnigraph.policy.BindingKind;
import io.omnigraph.policy.PolicyBundle;
import io.omnigraph.policy.PolicyBundles;
import io.omnigraph.policy.PolicyEngine;
import io.omnigraph.policy.PolicyResult;
import io.omnigraph.server.api.ServedGraph;
import io.omnigraph.server.api.StoredQueries;
import io.omnigraph.server.auth.Authorizer;
import io.omnigraph.server.auth.RuntimeState;
import io.omnigraph.server.auth.TokenSources;
import io.omnigraph.server.boot.AppliedRevision.AppliedGraph;
import io.omnigraph.server.boot.AppliedRevision.AppliedPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * 06 §2 steps 3–7 on an {@link AppliedRevision}: strict mode, policy slots, tokens and runtime
 * state, then opening the graphs (concurrency {@value #OPEN_CONCURRENCY}) and type-checking their
 * stored queries against the live schema. Fatal problems throw {@link BootFailure}; graph problems
 * quarantine the graph (fatal with {@code --require-all-graphs}).
 */
public final class Boot {
  public static final int OPEN_CONCURRENCY = 4;

  private final AppliedRevision revision;
  private final boolean requireAll;
  private final boolean unauthenticated;
  private final Map<String, String> env;
  private final Consumer<String> warn;
  private final Map<String, BootDiagnostic> quarantined = new TreeMap<>();

  public Boot(
      AppliedRevision revision,
      boolean requireAll,
      boolean unauthenticated,
      Map<String, String> env,
      Consumer<String> warn) {
    this.revision = revision;
    this.requireAll = requireAll;
    this.unauthenticated = unauthenticated;
    this.env = env;
    this.warn = warn;
    this.quarantined.putAll(revision.quarantined());
  }

  public ServedCluster run() {
    if (requireAll && !quarantined.isEmpty()) {
      throw new BootFailure(List.copyOf(quarantined.values()));
    }
    Slots slots = policySlots();
    TokenSources.Loaded tokens = tokens();
    tokens.warnings().forEach(warn);
    boolean policyConfigured = slots.server != null || !slots.byGraph.isEmpty();
    RuntimeState state = runtimeState(tokens, policyConfigured);
    Map<String, ServedGraph> graphs = openAll(slots);
    quarantined.values().forEach(d -> warn.accept("quarantined graph " + d.render()));
    PolicyEngine server = slots.server == null ? null : PolicyEngine.forServer(slots.server);
    return new ServedCluster(
        revision.storageRoot(),
        graphs,
        tokens.tokens(),
        tokens.sourceName(),
        new Authorizer(state, server),
        Map.copyOf(quarantined));
  }

  private TokenSources.Loaded tokens() {
    try {
      return TokenSources.load(env);
    } catch (TokenSources.TokenSourceException e) {
      throw BootFailure.of("bearer_tokens_invalid", "environment", e.getMessage());
    }
  }

  private RuntimeState runtimeState(TokenSources.Loaded tokens, boolean policyConfigured) {
    try {
      return RuntimeState.classify(!tokens.tokens().isEmpty(), policyConfigured, unauthenticated);
    } catch (IllegalStateException e) {
      throw BootFailure.of("auth_state_refused", "environment", e.getMessage());
    }
  }

  /** The server bundle and one bundle per graph, parsed and validated for their binding kind. */
  private record Slots(PolicyBundle server, Map<String, PolicyBundle> byGraph) {}

  private Slots policySlots() {
    List<BootDiagnostic> fatal = new ArrayList<>();
    PolicyBundle server = null;
    String serverName = null;
    Map<String, PolicyBundle> byGraph = new TreeMap<>();
    Map<String, String> byGraphName = new TreeMap<>();
    for (AppliedPolicy p : revision.policies()) {
      BindingKind kind = p.bindsCluster() ? BindingKind.SERVER : BindingKind.GRAPH;
      PolicyResult<PolicyBundle> r = PolicyBundles.parse(p.yaml(), p.sourceName(), kind);
      if (!r.ok()) {
        fatal.add(new BootDiagnostic("policy_invalid", "policy." + p.name(), r.renderErrors()));
        continue;
      }
      for (String b : p.bindings()) {
        if (b.equals("cluster")) {
          if (server != null) {
            fatal.add(multiple("cluster", serverName, p.name()));
          }
          server = r.value();
          serverName = p.name();
        } else if (b.startsWith("graph.")) {
          String g = b.substring(6);
          if (byGraph.containsKey(g)) {
            fatal.add(multiple(b, byGraphName.get(g), p.name()));
          }
          byGraph.put(g, r.value());
          byGraphName.put(g, p.name());
        } else {
          fatal.add(
              new BootDiagnostic(
                  "policy_binding_unknown",
                  "policy." + p.name(),
                  "unknown binding '" + b + "' (expected cluster or graph.<id>); re-run apply"));
        }
      }
    }
    if (!fatal.isEmpty()) {
      throw new BootFailure(fatal);
    }
    return new Slots(server, byGraph);
  }

  private static BootDiagnostic multiple(String scope, String a, String b) {
    return new BootDiagnostic(
        "policy_binding_conflict",
        scope,
        "multiple policy bundles bind "
            + scope
            + " ('"
            + a
            + "' and '"
            + b
            + "'); merge their rules into one bundle, apply, restart");
  }

  private Map<String, ServedGraph> openAll(Slots slots) {
    List<AppliedGraph> todo = revision.graphs();
    Map<String, ServedGraph> out = new TreeMap<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(OPEN_CONCURRENCY)) {
      List<Future<ServedGraph>> futures = new ArrayList<>();
      for (AppliedGraph g : todo) {
        futures.add(pool.submit(() -> open(g, slots.byGraph.get(g.id()))));
      }
      for (int i = 0; i < todo.size(); i++) {
        AppliedGraph g = todo.get(i);
        try {
          out.put(g.id(), futures.get(i).get());
        } catch (Exception e) {
          Throwable cause = e.getCause() == null ? e : e.getCause();
          quarantined.put(
              g.id(),
              new BootDiagnostic(
                  "graph_startup_failed", "graph." + g.id(), String.valueOf(cause.getMessage())));
        }
      }
    }
    if (requireAll && out.size() < todo.size()) {
      out.values().forEach(s -> s.root().close());
      List<BootDiagnostic> all = new ArrayList<>(quarantined.values());
      all.add(
          new BootDiagnostic(
              "cluster_graph_startup_failed",
              revision.storageRoot(),
              "strict multi-graph startup requires every graph to open ("
                  + todo.size()
                  + " configured, "
                  + (todo.size() - out.size())
                  + " failed)"));
      throw new BootFailure(all);
    }
    if (out.isEmpty()) {
      List<BootDiagnostic> all = new ArrayList<>(quarantined.values());
      all.add(
          new BootDiagnostic(
              "cluster_no_healthy_graphs", revision.storageRoot(), "no healthy graphs to serve"));
      throw new BootFailure(all);
    }
    return out;
  }

  private ServedGraph open(AppliedGraph g, PolicyBundle bundle) {
    GraphRoot root = GraphRoot.open(g.rootUri(), env);
    try {
      StoredQueries queries = StoredQueries.build(root.catalog(), g.queryFiles());
      PolicyEngine engine = bundle == null ? null : PolicyEngine.forGraph(bundle, g.id());
      ExecOptions opts = ExecOptions.defaults().withGraphName(g.id());
      if (g.embeddingProvider().filter("mock"::equals).isPresent()) {
        opts = opts.withEmbedder(new MockEmbedder());
      }
      return new ServedGraph(
          g.id(),
          g.rootUri(),
          root,
          queries,
          engine,
          opts,
          new io.omnigraph.server.api.SnapshotCache());
    } catch (RuntimeException e) {
      root.close();
      throw e;
    }
  }
}
