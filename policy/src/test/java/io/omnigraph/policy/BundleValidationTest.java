package io.omnigraph.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One test per semantic rule of 07 §3 and decision 6b, asserting the exact message and line. */
class BundleValidationTest {

  private static final String GROUPS = "version: 1\ngroups:\n  g: [act-a]\n";

  /** The single error of parsing {@code yaml}, with no binding given. */
  static PolicyError only(String yaml) {
    return only(yaml, null);
  }

  static PolicyError only(String yaml, BindingKind binding) {
    PolicyResult<PolicyBundle> r =
        binding == null
            ? PolicyBundles.parse(yaml, "t.yaml")
            : PolicyBundles.parse(yaml, "t.yaml", binding);
    assertThat(r.ok()).as("expected a failure").isFalse();
    assertThat(r.errors()).as(r.renderErrors()).hasSize(1);
    assertThat(r.errors().get(0).source()).isEqualTo("t.yaml");
    return r.errors().get(0);
  }

  static void assertError(PolicyError e, PolicyErrorCode code, String message, int line) {
    assertThat(e.message()).isEqualTo(message);
    assertThat(e.code()).isEqualTo(code);
    assertThat(e.line()).as(e.render()).isEqualTo(line);
    assertThat(e.code().isParseError()).isFalse();
  }

  /** A one-rule bundle over group g. */
  static String rule(String allowBody) {
    return GROUPS + "rules:\n  - id: r\n    allow:\n      actors: { group: g }\n" + allowBody;
  }

  @ParameterizedTest
  @ValueSource(strings = {"2", "0", "-1", "'1'", "one", "1.0", "null", "99999999999999999999"})
  void versionMustBeOne(String version) {
    assertError(
        only("version: " + version + "\n"),
        PolicyErrorCode.BAD_VERSION,
        "policy version must be 1",
        1);
  }

  @Test
  void versionAsAListIsAlsoBadVersion() {
    assertError(
        only("# c\nversion: [1]\n"), PolicyErrorCode.BAD_VERSION, "policy version must be 1", 2);
  }

  @Test
  void blankGroupName() {
    assertError(
        only("version: 1\ngroups:\n  ' ': [act-a]\n"),
        PolicyErrorCode.BLANK_GROUP_NAME,
        "policy group names must not be blank",
        3);
  }

  @Test
  void emptyGroupName() {
    assertError(
        only("version: 1\ngroups:\n  '': [act-a]\n"),
        PolicyErrorCode.BLANK_GROUP_NAME,
        "policy group names must not be blank",
        3);
  }

  @Test
  void emptyGroup() {
    assertError(
        only("version: 1\ngroups:\n  ok: [a]\n  g: []\n"),
        PolicyErrorCode.EMPTY_GROUP,
        "policy group 'g' must not be empty",
        4);
  }

  @Test
  void nullGroupIsEmpty() {
    assertError(
        only("version: 1\ngroups:\n  g:\n"),
        PolicyErrorCode.EMPTY_GROUP,
        "policy group 'g' must not be empty",
        3);
  }

  @ParameterizedTest
  @ValueSource(strings = {"''", "'  '", "~", "null", "'\t'"})
  void blankActorId(String member) {
    assertError(
        only("version: 1\ngroups:\n  g:\n    - act-a\n    - " + member + "\n"),
        PolicyErrorCode.BLANK_ACTOR_ID,
        "policy group 'g' contains a blank actor id",
        5);
  }

  @Test
  void blankProtectedBranch() {
    assertError(
        only("version: 1\nprotected_branches:\n  - main\n  - ''\n"),
        PolicyErrorCode.BLANK_PROTECTED_BRANCH,
        "protected branch names must not be blank",
        4);
  }

  @Test
  void blankRuleId() {
    assertError(
        only(
            GROUPS + "rules:\n  - id: ' '\n    allow: { actors: { group: g }, actions: [read] }\n"),
        PolicyErrorCode.BLANK_RULE_ID,
        "policy rule ids must not be blank",
        5);
  }

  @Test
  void duplicateRuleId() {
    String yaml =
        GROUPS
            + "rules:\n"
            + "  - id: r\n    allow: { actors: { group: g }, actions: [read] }\n"
            + "  - id: r\n    allow: { actors: { group: g }, actions: [export] }\n";
    assertError(only(yaml), PolicyErrorCode.DUPLICATE_RULE_ID, "duplicate policy rule id 'r'", 7);
  }

  @Test
  void blankGroupReference() {
    String yaml =
        GROUPS
            + "rules:\n  - id: r\n    allow:\n      actors: { group: '' }\n"
            + "      actions: [read]\n";
    assertError(
        only(yaml),
        PolicyErrorCode.BLANK_RULE_GROUP,
        "policy rule 'r' must reference a non-blank group",
        7);
  }

  @Test
  void unknownGroupReference() {
    String yaml =
        GROUPS
            + "rules:\n  - id: r\n    allow:\n      actors: { group: admins }\n"
            + "      actions: [read]\n";
    assertError(
        only(yaml),
        PolicyErrorCode.UNKNOWN_GROUP,
        "policy rule 'r' references unknown group 'admins'",
        7);
  }

  @Test
  void emptyActions() {
    assertError(
        only(rule("      actions: []\n")),
        PolicyErrorCode.EMPTY_ACTIONS,
        "policy rule 'r' must include at least one action",
        8);
  }

  @Test
  void bothScopeKeys() {
    assertError(
        only(
            rule(
                "      actions: [read]\n      branch_scope: any\n      target_branch_scope: any\n")),
        PolicyErrorCode.CONFLICTING_SCOPES,
        "policy rule 'r' may specify branch_scope or target_branch_scope, not both",
        10);
  }

  @ParameterizedTest
  @EnumSource(
      value = PolicyAction.class,
      names = {
        "SCHEMA_APPLY",
        "BRANCH_CREATE",
        "BRANCH_DELETE",
        "BRANCH_MERGE",
        "ADMIN",
        "INVOKE_QUERY"
      })
  void branchScopeWithUnsupportedAction(PolicyAction action) {
    assertError(
        only(rule("      actions: [read, " + action.wire() + "]\n      branch_scope: protected\n")),
        PolicyErrorCode.UNSUPPORTED_BRANCH_SCOPE,
        "policy rule 'r' uses branch_scope with unsupported action '" + action.wire() + "'",
        9);
  }

  @ParameterizedTest
  @EnumSource(
      value = PolicyAction.class,
      names = {"READ", "EXPORT", "CHANGE", "ADMIN", "INVOKE_QUERY"})
  void targetBranchScopeWithUnsupportedAction(PolicyAction action) {
    assertError(
        only(
            rule(
                "      actions: [branch_merge, "
                    + action.wire()
                    + "]\n      target_branch_scope: unprotected\n")),
        PolicyErrorCode.UNSUPPORTED_TARGET_BRANCH_SCOPE,
        "policy rule 'r' uses target_branch_scope with unsupported action '" + action.wire() + "'",
        9);
  }

  @Test
  void everyUnsupportedActionIsReportedOnce() {
    PolicyResult<PolicyBundle> r =
        PolicyBundles.parse(
            rule("      actions: [admin, read, schema_apply, admin]\n      branch_scope: any\n"),
            "t.yaml");
    assertThat(r.errors())
        .extracting(PolicyError::message)
        .containsExactly(
            "policy validation failed: duplicate policy id 'r:admin' (rule 'r' lists action"
                + " 'admin' more than once)",
            "policy rule 'r' uses branch_scope with unsupported action 'admin'",
            "policy rule 'r' uses branch_scope with unsupported action 'schema_apply'");
  }

  @Test
  void graphListMixedWithPerGraphActions() {
    assertError(
        only(rule("      actions: [graph_list, read]\n")),
        PolicyErrorCode.MIXED_SERVER_ACTION,
        "policy rule 'r' mixes the server-scoped action graph_list with per-graph actions; split"
            + " into separate rules",
        8);
  }

  @Test
  void mixedRuleIsNotAlsoAKindMismatch() {
    assertError(
        only(rule("      actions: [read, graph_list]\n"), BindingKind.GRAPH),
        PolicyErrorCode.MIXED_SERVER_ACTION,
        "policy rule 'r' mixes the server-scoped action graph_list with per-graph actions; split"
            + " into separate rules",
        8);
  }

  @ParameterizedTest
  @EnumSource(ScopeKey.class)
  void scopeKeyOnGraphList(ScopeKey key) {
    assertError(
        only(rule("      actions: [graph_list]\n      " + key.wire() + ": any\n")),
        PolicyErrorCode.SERVER_ACTION_SCOPE,
        "policy rule 'r' uses "
            + key.wire()
            + " with graph_list: server-scoped actions have no branch context",
        9);
  }

  @Test
  void serverActionInAGraphBoundBundle() {
    assertError(
        only(rule("      actions: [graph_list]\n"), BindingKind.GRAPH),
        PolicyErrorCode.ACTION_KIND_MISMATCH,
        "policy rule 'r' uses server-scoped action 'graph_list' in a Graph policy file; move it"
            + " to a Server policy file (applies_to: [cluster])",
        8);
  }

  @Test
  void perGraphActionInAServerBoundBundle() {
    assertError(
        only(rule("      actions:\n        - change\n"), BindingKind.SERVER),
        PolicyErrorCode.ACTION_KIND_MISMATCH,
        "policy rule 'r' uses per-graph action 'change' in a Server policy file; move it to a"
            + " Graph policy file (applies_to: [<graph id>])",
        9);
  }

  @Test
  void declaredServerKindWithAGraphBinding() {
    assertError(
        only("version: 1\nkind: server\n", BindingKind.GRAPH),
        PolicyErrorCode.DECLARED_KIND_MISMATCH,
        "policy kind 'server' contradicts the bundle's graph binding; a kind: server bundle must"
            + " be bound to 'cluster'",
        2);
  }

  @Test
  void declaredGraphKindWithAClusterBinding() {
    assertError(
        only("version: 1\nkind: graph\n", BindingKind.SERVER),
        PolicyErrorCode.DECLARED_KIND_MISMATCH,
        "policy kind 'graph' contradicts the bundle's cluster binding; a kind: graph bundle must"
            + " be bound to graph ids",
        2);
  }

  @Test
  void declaredKindContradictedByActionsWithoutBinding() {
    assertError(
        only(rule("      actions: [read]\n").replace("version: 1\n", "version: 1\nkind: server\n")),
        PolicyErrorCode.ACTION_KIND_MISMATCH,
        "policy rule 'r' uses per-graph action 'read' in a Server policy file; move it to a"
            + " Graph policy file (applies_to: [<graph id>])",
        9);
  }

  @Test
  void declaredKindAgreeingWithBindingIsAccepted() {
    String server =
        rule("      actions: [graph_list]\n").replace("version: 1\n", "version: 1\nkind: server\n");
    String graph =
        rule("      actions: [read]\n").replace("version: 1\n", "version: 1\nkind: graph\n");
    assertThat(PolicyBundles.parse(server, "s", BindingKind.SERVER).value().kind())
        .isEqualTo(BindingKind.SERVER);
    assertThat(PolicyBundles.parse(graph, "g", BindingKind.GRAPH).value().kind())
        .isEqualTo(BindingKind.GRAPH);
    assertThat(PolicyBundles.parse(graph, "g").value().declaredKind()).contains(BindingKind.GRAPH);
  }

  @Test
  void inferredKindWithRulesOfBothKinds() {
    String yaml =
        GROUPS
            + "rules:\n"
            + "  - id: list\n    allow: { actors: { group: g }, actions: [graph_list] }\n"
            + "  - id: reads\n    allow: { actors: { group: g }, actions: [read, export] }\n";
    assertError(
        only(yaml),
        PolicyErrorCode.MIXED_KINDS,
        "policy file mixes server-scoped rule 'list' (graph_list) with per-graph rule 'reads'"
            + " (read); split it into a Server policy file and a Graph policy file",
        8);
  }

  @Test
  void duplicateActionFailsCedarValidation() {
    assertError(
        only(rule("      actions: [read, export, read]\n")),
        PolicyErrorCode.CEDAR_VALIDATION,
        "policy validation failed: duplicate policy id 'r:read' (rule 'r' lists action 'read'"
            + " more than once)",
        8);
  }

  @Test
  void emptyBundlesAreValidForEitherBinding() {
    assertThat(PolicyBundles.parse("version: 1\n", "e", BindingKind.SERVER).value().kind())
        .isEqualTo(BindingKind.SERVER);
    assertThat(PolicyBundles.parse("version: 1\n", "e", BindingKind.GRAPH).value().kind())
        .isEqualTo(BindingKind.GRAPH);
    PolicyBundle inferred =
        PolicyBundles.parse("version: 1\ngroups: ~\nrules: null\n", "e").value();
    assertThat(inferred.kind()).isEqualTo(BindingKind.GRAPH);
    assertThat(inferred.actorCount()).isZero();
  }

  @Test
  void everyProblemIsReportedInDocumentOrder() {
    String yaml =
        "version: 3\n"
            + "groups:\n  g: []\n"
            + "protected_branches: ['']\n"
            + "rules:\n"
            + "  - id: a\n    allow: { actors: { group: nope }, actions: [] }\n"
            + "  - id: a\n    allow: { actors: { group: g }, actions: [admin], branch_scope: any }\n";
    PolicyResult<PolicyBundle> r = PolicyBundles.parse(yaml, "t.yaml", BindingKind.GRAPH);
    assertThat(r.errors())
        .extracting(PolicyError::render)
        .containsExactly(
            "t.yaml:1:10: policy version must be 1",
            "t.yaml:3:6: policy group 'g' must not be empty",
            "t.yaml:4:22: protected branch names must not be blank",
            "t.yaml:7:31: policy rule 'a' references unknown group 'nope'",
            "t.yaml:7:48: policy rule 'a' must include at least one action",
            "t.yaml:8:9: duplicate policy rule id 'a'",
            "t.yaml:9:68: policy rule 'a' uses branch_scope with unsupported action 'admin'");
  }

  @Test
  void kindErrorsAreSortedIntoPlace() {
    String yaml = rule("      actions: []\n").replace("version: 1\n", "version: 1\nkind: server\n");
    PolicyResult<PolicyBundle> r = PolicyBundles.parse(yaml, "t.yaml", BindingKind.GRAPH);
    assertThat(r.errors())
        .extracting(PolicyError::code)
        .containsExactly(PolicyErrorCode.DECLARED_KIND_MISMATCH, PolicyErrorCode.EMPTY_ACTIONS);
  }

  @Test
  void bundlesBuiltInCodeAreValidatedWithoutPositions() {
    PolicyBundle bundle =
        PolicyBundle.of(
            Map.of("g", List.of("act-a")),
            List.of(),
            List.of(PolicyRule.of("r", "missing", List.of(PolicyAction.READ))));
    PolicyResult<PolicyBundle> r = PolicyBundles.validate(bundle, Optional.empty());
    assertThat(r.errors()).hasSize(1);
    PolicyError e = r.errors().get(0);
    assertThat(e.line()).isZero();
    assertThat(e.render()).isEqualTo("policy rule 'r' references unknown group 'missing'");
    assertThat(e.toDiagnostic().code()).isEqualTo("unknown_group");
  }
}
