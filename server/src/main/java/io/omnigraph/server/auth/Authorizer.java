package io.omnigraph.server.auth;

import io.omnigraph.policy.PolicyAction;
import io.omnigraph.policy.PolicyDecision;
import io.omnigraph.policy.PolicyEngine;
import io.omnigraph.policy.PolicyRequest;
import java.util.Optional;

/**
 * Per-request authorization (06 §5): a graph with a bound bundle is decided by it; a graph without
 * one allows everything in Open mode and only {@code read} otherwise; {@code graph_list} needs a
 * {@code cluster}-bound bundle granting it, in every state.
 */
public final class Authorizer {
  private final RuntimeState state;
  private final PolicyEngine serverEngine;

  /** One decision: allowed or not, the matched rule, and the message. */
  public record Verdict(boolean allowed, Optional<String> rule, String message) {}

  public Authorizer(RuntimeState state, PolicyEngine serverEngine) {
    this.state = state;
    this.serverEngine = serverEngine;
  }

  public RuntimeState state() {
    return state;
  }

  /** {@code graph_list} on {@code Omnigraph::Server::"root"}. */
  public Verdict graphList(String actor) {
    if (serverEngine == null) {
      return new Verdict(
          false,
          Optional.empty(),
          "listing graphs needs a cluster-bound policy bundle granting graph_list");
    }
    if (actor == null) {
      return new Verdict(false, Optional.empty(), "listing graphs needs an authenticated actor");
    }
    return of(serverEngine.decide(PolicyRequest.of(actor, PolicyAction.GRAPH_LIST)));
  }

  /**
   * A per-graph action; {@code graphEngine} is the graph's bundle or {@code null}; {@code actor} is
   * {@code null} only in Open mode.
   */
  public Verdict graph(PolicyEngine graphEngine, String actor, PolicyRequestSpec spec) {
    if (state == RuntimeState.OPEN) {
      return new Verdict(true, Optional.empty(), "open mode: allowed without authentication");
    }
    if (graphEngine != null) {
      return of(
          graphEngine.decide(
              new PolicyRequest(actor, spec.action(), spec.branch(), spec.targetBranch())));
    }
    if (spec.action() == PolicyAction.READ) {
      return new Verdict(true, Optional.empty(), "default-deny mode: read allowed");
    }
    return new Verdict(
        false,
        Optional.empty(),
        "server runs in default-deny mode for this graph (no policy bundle is bound to it): only"
            + " read is allowed, action '"
            + spec.action().wire()
            + "' needs a policy bundle granting it (bind one in cluster.yaml, apply, restart)");
  }

  private static Verdict of(PolicyDecision d) {
    return new Verdict(d.allowed(), d.matchedRuleId(), d.message());
  }

  /** The action and branch context of one check. */
  public record PolicyRequestSpec(PolicyAction action, String branch, String targetBranch) {
    public static PolicyRequestSpec of(PolicyAction action) {
      return new PolicyRequestSpec(action, null, null);
    }

    public static PolicyRequestSpec onBranch(PolicyAction action, String branch) {
      return new PolicyRequestSpec(action, branch, null);
    }

    public static PolicyRequestSpec targeting(PolicyAction action, String branch, String target) {
      return new PolicyRequestSpec(action, branch, target);
    }
  }
}
