package io.omnigraph.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The real cookbook bundles parse and validate under their bindings (decision 6b for kind). */
class FixtureBundlesTest {

  @Test
  void intelBundleValidatesAsGraphBound() {
    PolicyResult<PolicyBundle> r =
        PolicyBundles.parse(Fixtures.intel(), "intel.policy.yaml", BindingKind.GRAPH);

    assertThat(r.errors()).isEmpty();
    PolicyBundle b = r.value();
    assertThat(b.kind()).isEqualTo(BindingKind.GRAPH);
    assertThat(b.declaredKind()).isEmpty();
    assertThat(b.groups()).containsOnlyKeys("readers", "analysts");
    assertThat(b.groups().get("readers")).containsExactly("act-reader", "act-analyst");
    assertThat(b.protectedBranches()).containsExactly("main");
    assertThat(b.rules())
        .extracting(PolicyRule::id)
        .containsExactly("invoke-stored-queries", "read-data", "analyst-writes");
    assertThat(b.rules().get(1))
        .isEqualTo(
            PolicyRule.withBranchScope(
                "read-data",
                "readers",
                List.of(PolicyAction.READ, PolicyAction.EXPORT),
                Scope.ANY));
    assertThat(b.actorCount()).isEqualTo(2);
  }

  @Test
  void serverBundleValidatesAsServerBound() {
    PolicyResult<PolicyBundle> r =
        PolicyBundles.parse(Fixtures.server(), "server.policy.yaml", BindingKind.SERVER);

    assertThat(r.errors()).isEmpty();
    PolicyBundle b = r.value();
    assertThat(b.kind()).isEqualTo(BindingKind.SERVER);
    assertThat(b.declaredKind()).contains(BindingKind.SERVER);
    assertThat(b.rules())
        .containsExactly(
            PolicyRule.of("admin-graph-list", "admins", List.of(PolicyAction.GRAPH_LIST)));
    assertThat(b.actorCount()).isEqualTo(1);
  }

  @Test
  void kindsAreInferredWithoutABinding() {
    assertThat(PolicyBundles.parse(Fixtures.intel(), "intel").value().kind())
        .isEqualTo(BindingKind.GRAPH);
    assertThat(PolicyBundles.parse(Fixtures.server(), "server").value().kind())
        .isEqualTo(BindingKind.SERVER);
  }

  @Test
  void serverBundleBoundToAGraphIsRejectedNamingBoth() {
    PolicyResult<PolicyBundle> r =
        PolicyBundles.parse(Fixtures.server(), "server.policy.yaml", BindingKind.GRAPH);

    assertThat(r.errors())
        .extracting(PolicyError::message)
        .containsExactly(
            "policy kind 'server' contradicts the bundle's graph binding; a kind: server bundle"
                + " must be bound to 'cluster'",
            "policy rule 'admin-graph-list' uses server-scoped action 'graph_list' in a Graph"
                + " policy file; move it to a Server policy file (applies_to: [cluster])");
    assertThat(r.errors().get(0).line()).isEqualTo(4);
    assertThat(r.errors().get(0).render()).startsWith("server.policy.yaml:4:7: policy kind");
  }

  @Test
  void graphBundleBoundToTheClusterIsRejected() {
    PolicyResult<PolicyBundle> r =
        PolicyBundles.parse(Fixtures.intel(), "intel.policy.yaml", BindingKind.SERVER);

    assertThat(r.errors())
        .extracting(PolicyError::code)
        .containsOnly(PolicyErrorCode.ACTION_KIND_MISMATCH)
        .hasSize(4);
    assertThat(r.errors().get(0).message())
        .isEqualTo(
            "policy rule 'invoke-stored-queries' uses per-graph action 'invoke_query' in a Server"
                + " policy file; move it to a Graph policy file (applies_to: [<graph id>])");
    assertThat(r.errors().get(0).line()).isEqualTo(14);
  }

  @Test
  void fixturesCompileIntoEngines() {
    PolicyEngine intel =
        PolicyEngine.forGraph(
            PolicyBundles.parse(Fixtures.intel(), "intel", BindingKind.GRAPH).orElseThrow(),
            "spike");
    PolicyEngine server =
        PolicyEngine.forServer(
            PolicyBundles.parse(Fixtures.server(), "server", BindingKind.SERVER).orElseThrow());

    assertThat(intel.decide("act-reader", PolicyAction.INVOKE_QUERY, null, null).matchedRuleId())
        .contains("invoke-stored-queries");
    assertThat(intel.decide("act-reader", PolicyAction.CHANGE, "main", null).allowed()).isFalse();
    assertThat(intel.decide("act-analyst", PolicyAction.CHANGE, "main", null).matchedRuleId())
        .contains("analyst-writes");
    assertThat(intel.graphId()).contains("spike");
    assertThat(server.decide("act-admin", PolicyAction.GRAPH_LIST, null, null).matchedRuleId())
        .isEqualTo(Optional.of("admin-graph-list"));
    assertThat(server.decide("act-reader", PolicyAction.GRAPH_LIST, null, null).message())
        .isEqualTo("policy denied action 'graph_list' for unknown actor 'act-reader'");
    assertThat(server.graphId()).isEmpty();
  }
}
