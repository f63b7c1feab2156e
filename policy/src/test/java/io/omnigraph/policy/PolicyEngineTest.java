package io.omnigraph.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Decision tables for 07 §2 (scope conditions) and the 07 §1/§5 decision messages. */
class PolicyEngineTest {
  private static final String ACTOR = "act-a";
  private static final List<String> PROTECTED = List.of("main", "release");

  /** The branch a request carries: protected, unprotected or absent. */
  enum Branch {
    PROTECTED("main"),
    UNPROTECTED("feature"),
    ABSENT(null);

    final String name;

    Branch(String name) {
      this.name = name;
    }

    /** A present branch of the opposite protection, for the key the rule does not look at. */
    String other() {
      return this == PROTECTED ? "feature" : "release";
    }
  }

  /**
   * 07 §2 scope conditions: rows = scope (absent, any, protected, unprotected), columns = branch
   * (protected, unprotected, absent). Written out by hand, not computed.
   */
  private static final Map<String, String> TABLE =
      Map.of(
          "absent", "allow allow allow",
          "any", "allow allow allow",
          "protected", "allow deny deny",
          "unprotected", "deny allow deny");

  static boolean expected(Scope scope, Branch branch) {
    String row = TABLE.get(scope == null ? "absent" : scope.wire());
    return row.split(" ")[branch.ordinal()].equals("allow");
  }

  static Stream<Arguments> scopedCases() {
    List<Arguments> out = new ArrayList<>();
    for (PolicyAction action : PolicyAction.values()) {
      List<Scope> scopes = new ArrayList<>();
      scopes.add(null);
      if (action.scopeKey().isPresent()) {
        scopes.addAll(List.of(Scope.values()));
      }
      for (Scope scope : scopes) {
        for (Branch branch : Branch.values()) {
          out.add(Arguments.of(action, scope, branch, expected(scope, branch)));
        }
      }
    }
    return out.stream();
  }

  static PolicyEngine engineFor(PolicyAction action, Scope scope) {
    PolicyRule rule =
        scope == null
            ? PolicyRule.of("r", "g", List.of(action))
            : action.scopeKey().orElseThrow() == ScopeKey.BRANCH_SCOPE
                ? PolicyRule.withBranchScope("r", "g", List.of(action), scope)
                : PolicyRule.withTargetBranchScope("r", "g", List.of(action), scope);
    PolicyBundle bundle =
        PolicyBundle.of(
            Map.of("g", List.of(ACTOR), "others", List.of("act-b")), PROTECTED, List.of(rule));
    return PolicyEngine.compile(bundle, "g1");
  }

  @ParameterizedTest(name = "{0} scope={1} branch={2} -> {3}")
  @MethodSource("scopedCases")
  void scopeConditionTable(PolicyAction action, Scope scope, Branch branch, boolean allow) {
    PolicyEngine engine = engineFor(action, scope);
    boolean targetKey = action.scopeKey().orElse(null) == ScopeKey.TARGET_BRANCH_SCOPE;
    String requestBranch = targetKey ? branch.other() : branch.name;
    String target = targetKey ? branch.name : branch.other();
    PolicyRequest request = new PolicyRequest(ACTOR, action, requestBranch, target);

    PolicyDecision d = engine.decide(request);

    assertThat(d.allowed()).isEqualTo(allow);
    if (allow) {
      assertThat(d.matchedRuleId()).contains("r");
      assertThat(d.message())
          .isEqualTo("policy allowed action '" + action.wire() + "' for actor 'act-a'");
    } else {
      assertThat(d.matchedRuleId()).isEmpty();
      assertThat(d.message()).isEqualTo(PolicyDecision.deny(request).message());
    }
    assertThat(engine.decide(new PolicyRequest("act-b", action, requestBranch, target)).allowed())
        .isFalse();
  }

  @Test
  void denyMessagesNameTheBranchContextThatWasGiven() {
    PolicyEngine engine = engineFor(PolicyAction.READ, Scope.PROTECTED);
    assertThat(engine.decide(PolicyRequest.of(ACTOR, PolicyAction.CHANGE)).message())
        .isEqualTo("policy denied action 'change' for actor 'act-a'");
    assertThat(engine.decide(ACTOR, PolicyAction.READ, "feature", null).message())
        .isEqualTo("policy denied action 'read' on branch 'feature' for actor 'act-a'");
    assertThat(engine.decide(ACTOR, PolicyAction.BRANCH_MERGE, null, "main").message())
        .isEqualTo("policy denied action 'branch_merge' targeting branch 'main' for actor 'act-a'");
    assertThat(
            engine
                .decide(
                    PolicyRequest.of(ACTOR, PolicyAction.BRANCH_MERGE)
                        .onBranch("f")
                        .targeting("main"))
                .message())
        .isEqualTo(
            "policy denied action 'branch_merge' on branch 'f' targeting branch 'main' for actor"
                + " 'act-a'");
  }

  @Test
  void unknownActorsAreAlwaysDenied() {
    PolicyEngine engine = engineFor(PolicyAction.READ, null);
    PolicyDecision d = engine.decide("act-zed", PolicyAction.READ, "main", "x");
    assertThat(d.allowed()).isFalse();
    assertThat(d.matchedRuleId()).isEmpty();
    assertThat(d.message()).isEqualTo("policy denied action 'read' for unknown actor 'act-zed'");
    assertThat(engine.knowsActor("act-zed")).isFalse();
    assertThat(engine.knowsActor("act-b")).isTrue();
    assertThat(engine.decide("", PolicyAction.READ, null, null).message())
        .isEqualTo("policy denied action 'read' for unknown actor ''");
  }

  @Test
  void matchedRuleIsTheSmallestPermittingId() {
    PolicyBundle bundle =
        PolicyBundle.of(
            Map.of("g", List.of(ACTOR), "h", List.of(ACTOR)),
            PROTECTED,
            List.of(
                PolicyRule.withBranchScope("zeta", "g", List.of(PolicyAction.READ), Scope.ANY),
                PolicyRule.withBranchScope(
                    "alpha", "h", List.of(PolicyAction.READ), Scope.PROTECTED),
                PolicyRule.withBranchScope(
                    "Beta",
                    "g",
                    List.of(PolicyAction.READ, PolicyAction.CHANGE),
                    Scope.UNPROTECTED),
                PolicyRule.of("beta", "h", List.of(PolicyAction.CHANGE))));
    PolicyEngine engine = PolicyEngine.forGraph(bundle, "g1");

    assertThat(engine.decide(ACTOR, PolicyAction.READ, "main", null).matchedRuleId())
        .contains("alpha");
    assertThat(engine.decide(ACTOR, PolicyAction.READ, "feature", null).matchedRuleId())
        .contains("Beta");
    assertThat(engine.decide(ACTOR, PolicyAction.READ, null, null).matchedRuleId())
        .contains("zeta");
    assertThat(engine.decide(ACTOR, PolicyAction.CHANGE, "feature", null).matchedRuleId())
        .contains("Beta");
    assertThat(engine.decide(ACTOR, PolicyAction.CHANGE, "main", null).matchedRuleId())
        .contains("beta");
  }

  @Test
  void ruleIdsCompareByCodePointNotUtf16() {
    String bmp = "\uFFFF-rule";
    String astral =
        "\uD83D\uDE00-rule"; // U+1F600 sorts after U+FFFF, though its UTF-16 unit is smaller
    assertThat(astral.compareTo(bmp)).isNegative();
    PolicyBundle bundle =
        PolicyBundle.of(
            Map.of("g", List.of(ACTOR)),
            List.of(),
            List.of(
                PolicyRule.of(astral, "g", List.of(PolicyAction.READ)),
                PolicyRule.of(bmp, "g", List.of(PolicyAction.READ))));
    assertThat(
            PolicyEngine.forGraph(bundle, "g1")
                .decide(ACTOR, PolicyAction.READ, null, null)
                .matchedRuleId())
        .contains(bmp);
  }

  @Test
  void protectedBranchMatchIsExact() {
    PolicyEngine engine = engineFor(PolicyAction.READ, Scope.PROTECTED);
    assertThat(engine.decide(ACTOR, PolicyAction.READ, "main", null).allowed()).isTrue();
    assertThat(engine.decide(ACTOR, PolicyAction.READ, "Main", null).allowed()).isFalse();
    assertThat(engine.decide(ACTOR, PolicyAction.READ, "main ", null).allowed()).isFalse();
    assertThat(engine.decide(ACTOR, PolicyAction.READ, "", null).allowed()).isFalse();
  }

  @Test
  void serverEngineDecidesGraphListOnly() {
    PolicyBundle bundle =
        PolicyBundle.of(
            Map.of("ops", List.of("act-ops"), "devs", List.of("act-dev")),
            List.of(),
            List.of(PolicyRule.of("ops-list", "ops", List.of(PolicyAction.GRAPH_LIST))));
    PolicyEngine server = PolicyEngine.compile(bundle, "ignored");

    assertThat(server.kind()).isEqualTo(BindingKind.SERVER);
    assertThat(server.graphId()).isEmpty();
    PolicyDecision ok = server.decide("act-ops", PolicyAction.GRAPH_LIST, null, null);
    assertThat(ok.allowed()).isTrue();
    assertThat(ok.matchedRuleId()).contains("ops-list");
    assertThat(ok.message()).isEqualTo("policy allowed action 'graph_list' for actor 'act-ops'");
    assertThat(server.decide("act-dev", PolicyAction.GRAPH_LIST, null, null).message())
        .isEqualTo("policy denied action 'graph_list' for actor 'act-dev'");
    assertThat(server.decide("act-ops", PolicyAction.READ, "main", null).allowed()).isFalse();
  }

  @Test
  void graphEngineNeverGrantsGraphList() {
    PolicyEngine engine = engineFor(PolicyAction.ADMIN, null);
    assertThat(engine.decide(ACTOR, PolicyAction.GRAPH_LIST, null, null).allowed()).isFalse();
    assertThat(engine.decide(ACTOR, PolicyAction.ADMIN, null, null).allowed()).isTrue();
  }

  @Test
  void actorsInSeveralGroupsGetTheUnion() {
    PolicyBundle bundle =
        PolicyBundle.of(
            Map.of("r", List.of("x", "y"), "w", List.of("x", "x")),
            List.of(),
            List.of(
                PolicyRule.of("read", "r", List.of(PolicyAction.READ)),
                PolicyRule.of("write", "w", List.of(PolicyAction.CHANGE))));
    PolicyEngine engine = PolicyEngine.forGraph(bundle, "g1");
    assertThat(engine.decide("x", PolicyAction.READ, null, null).allowed()).isTrue();
    assertThat(engine.decide("x", PolicyAction.CHANGE, null, null).allowed()).isTrue();
    assertThat(engine.decide("y", PolicyAction.CHANGE, null, null).allowed()).isFalse();
    assertThat(bundle.actorCount()).isEqualTo(2);
    assertThat(bundle.groupsOf("x")).containsExactlyInAnyOrder("r", "w");
  }

  @Test
  void emptyBundleDeniesEverything() {
    PolicyBundle bundle = PolicyBundle.of(Map.of("g", List.of(ACTOR)), List.of(), List.of());
    PolicyEngine engine = PolicyEngine.compile(bundle, null);
    assertThat(engine.graphId()).contains(PolicyEngine.DEFAULT_GRAPH_ID);
    for (PolicyAction a : PolicyAction.values()) {
      assertThat(engine.decide(ACTOR, a, "main", "main").allowed()).isFalse();
    }
  }

  @Test
  void compilingRejectsBundlesOfTheWrongKindOrInvalidOnes() {
    PolicyBundle server =
        PolicyBundle.of(
            Map.of("g", List.of(ACTOR)),
            List.of(),
            List.of(PolicyRule.of("l", "g", List.of(PolicyAction.GRAPH_LIST))));
    PolicyBundle graph = engineFor(PolicyAction.READ, null).bundle();
    PolicyBundle broken =
        PolicyBundle.of(
            Map.of(), List.of(), List.of(PolicyRule.of("r", "nope", List.of(PolicyAction.READ))));

    assertThatThrownBy(() -> PolicyEngine.forGraph(server, "g1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("uses server-scoped action 'graph_list' in a Graph policy file");
    assertThatThrownBy(() -> PolicyEngine.forServer(graph))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("uses per-graph action 'read' in a Server policy file");
    assertThatThrownBy(() -> PolicyEngine.forGraph(broken, "g1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("references unknown group 'nope'");
  }

  @Test
  void decisionsAreConsistentValues() {
    assertThatThrownBy(() -> new PolicyDecision(true, Optional.empty(), "m"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PolicyDecision(false, Optional.of("r"), "m"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(PolicyDecision.deny(PolicyRequest.of("a", PolicyAction.READ)).wire())
        .isEqualTo("deny");
    assertThatThrownBy(() -> PolicyRequest.of(null, PolicyAction.READ))
        .isInstanceOf(NullPointerException.class);
  }
}
