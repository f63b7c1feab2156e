package io.omnigraph.policy;

import io.omnigraph.compiler.text.CodePointOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A validated bundle compiled for one resource: a graph ({@code Omnigraph::Graph::"<id>"}) or the
 * server ({@code Omnigraph::Server::"root"}). Default deny: a request is allowed iff some rule
 * permits it (07 §1–§2); the decision names the lexicographically smallest permitting rule id.
 *
 * <p>Compiling precomputes, per actor and per action, the permitting rules sorted by id, so {@link
 * #decide} is a map lookup plus a scan of the (usually one or two) candidate rules. Instances are
 * immutable and safe to share between threads.
 */
public final class PolicyEngine {
  /** The graph id used when a graph bundle is compiled without one (07 §5). */
  public static final String DEFAULT_GRAPH_ID = "default";

  private static final Grant[] NONE = new Grant[0];

  private final PolicyBundle bundle;
  private final String graphId;
  private final Set<String> protectedBranches;
  private final Map<String, Grant[][]> grantsByActor;

  private PolicyEngine(PolicyBundle bundle, String graphId) {
    this.bundle = bundle;
    this.graphId = graphId;
    this.protectedBranches = Set.copyOf(bundle.protectedBranches());
    this.grantsByActor = compileGrants(bundle);
  }

  /**
   * Compiles a graph-kind bundle for graph {@code graphId}.
   *
   * @throws IllegalArgumentException if the bundle is not a valid graph-kind bundle
   */
  public static PolicyEngine forGraph(PolicyBundle bundle, String graphId) {
    Objects.requireNonNull(graphId, "graphId");
    return new PolicyEngine(validated(bundle, BindingKind.GRAPH), graphId);
  }

  /**
   * Compiles a server-kind bundle (bound to {@code cluster}).
   *
   * @throws IllegalArgumentException if the bundle is not a valid server-kind bundle
   */
  public static PolicyEngine forServer(PolicyBundle bundle) {
    return new PolicyEngine(validated(bundle, BindingKind.SERVER), null);
  }

  /**
   * Compiles a bundle for the resource its {@link PolicyBundle#kind()} implies: the server, or the
   * graph {@code graphId} ({@link #DEFAULT_GRAPH_ID} when {@code null}).
   */
  public static PolicyEngine compile(PolicyBundle bundle, String graphId) {
    if (bundle.kind() == BindingKind.SERVER) {
      return forServer(bundle);
    }
    return forGraph(bundle, graphId == null ? DEFAULT_GRAPH_ID : graphId);
  }

  private static PolicyBundle validated(PolicyBundle bundle, BindingKind kind) {
    PolicyResult<PolicyBundle> r = PolicyBundles.validate(bundle, Optional.of(kind));
    if (!r.ok()) {
      throw new IllegalArgumentException("invalid policy bundle:\n" + r.renderErrors());
    }
    return r.value();
  }

  /** Decides one request. Unknown actors (in no group) are always denied. */
  public PolicyDecision decide(PolicyRequest request) {
    Grant[][] byAction = grantsByActor.get(request.actor());
    if (byAction == null) {
      return PolicyDecision.unknownActor(request);
    }
    for (Grant g : byAction[request.action().ordinal()]) {
      if (g.permits(request, protectedBranches)) {
        return g.decision();
      }
    }
    return PolicyDecision.deny(request);
  }

  /** Shorthand for {@link #decide(PolicyRequest)}; branches may be {@code null}. */
  public PolicyDecision decide(
      String actor, PolicyAction action, String branch, String targetBranch) {
    return decide(new PolicyRequest(actor, action, branch, targetBranch));
  }

  /** Whether {@code actor} is listed in some group. */
  public boolean knowsActor(String actor) {
    return grantsByActor.containsKey(actor);
  }

  public PolicyBundle bundle() {
    return bundle;
  }

  /** {@link BindingKind#SERVER} or {@link BindingKind#GRAPH}. */
  public BindingKind kind() {
    return bundle.kind();
  }

  /** The graph id this engine was compiled for; empty for the server. */
  public Optional<String> graphId() {
    return Optional.ofNullable(graphId);
  }

  /** The equivalent Cedar policy text (see {@link CedarRenderer}). */
  public String cedarText() {
    return CedarRenderer.render(bundle, graphId);
  }

  private static Map<String, Grant[][]> compileGrants(PolicyBundle bundle) {
    List<PolicyRule> rules = new ArrayList<>(bundle.rules());
    rules.sort((a, b) -> CodePointOrder.compare(a.id(), b.id()));
    Map<String, List<List<Grant>>> lists = new HashMap<>();
    for (String actor : bundle.actors()) {
      List<List<Grant>> perAction = new ArrayList<>();
      PolicyAction[] actions = PolicyAction.values();
      for (int i = 0; i < actions.length; i++) {
        perAction.add(new ArrayList<>());
      }
      lists.put(actor, perAction);
    }
    for (PolicyRule rule : rules) {
      for (String actor : bundle.groups().getOrDefault(rule.group(), List.of())) {
        addGrants(lists.get(actor), rule, actor, bundle.kind());
      }
    }
    Map<String, Grant[][]> out = new HashMap<>();
    lists.forEach((actor, perAction) -> out.put(actor, toArrays(perAction)));
    return Collections.unmodifiableMap(out);
  }

  private static void addGrants(
      List<List<Grant>> perAction, PolicyRule rule, String actor, BindingKind kind) {
    for (PolicyAction action : rule.actions()) {
      List<Grant> list = perAction.get(action.ordinal());
      boolean already = !list.isEmpty() && list.get(list.size() - 1).ruleId().equals(rule.id());
      if (action.kind() == kind && !already) {
        PolicyDecision allow = PolicyDecision.allow(rule.id(), action, actor);
        list.add(
            new Grant(rule.id(), rule.scopeKey().orElse(null), rule.scope().orElse(null), allow));
      }
    }
  }

  private static Grant[][] toArrays(List<List<Grant>> perAction) {
    Grant[][] out = new Grant[perAction.size()][];
    for (int i = 0; i < out.length; i++) {
      List<Grant> l = perAction.get(i);
      out[i] = l.isEmpty() ? NONE : l.toArray(Grant[]::new);
    }
    return out;
  }

  /** One permit for one actor and action, with its precomputed allow decision. */
  private record Grant(String ruleId, ScopeKey key, Scope scope, PolicyDecision decision) {
    boolean permits(PolicyRequest r, Set<String> protectedBranches) {
      if (scope == null || scope == Scope.ANY) {
        return true;
      }
      String branch = key == ScopeKey.BRANCH_SCOPE ? r.branch() : r.targetBranch();
      return scope.admits(branch, branch != null && protectedBranches.contains(branch));
    }
  }
}
