package io.omnigraph.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Golden Cedar text (07 §2 "Cedar model"). */
class CedarRendererTest {

  private static final String SCHEMA =
      """
      //
      // Schema:
      // namespace Omnigraph {
      //   entity Group;
      //   entity Actor in [Group];
      //   entity Graph;
      //   entity Server;
      //   type BranchContext = {
      //     has_branch: Bool, branch: String, branch_is_protected: Bool,
      //     has_target_branch: Bool, target_branch: String, target_branch_is_protected: Bool };
      //   action "read", "export", "change", "schema_apply", "branch_create", "branch_delete", \
      "branch_merge", "admin", "invoke_query"
      //     appliesTo { principal: Actor, resource: Graph, context: BranchContext };
      //   action "graph_list"
      //     appliesTo { principal: Actor, resource: Server, context: BranchContext };
      // }
      // An absent branch has has_branch == false and branch == "" (likewise target).
      """;

  @Test
  void intelFixture() {
    PolicyBundle bundle = PolicyBundles.parse(Fixtures.intel(), "intel").orElseThrow();
    String expected =
        """
        // Cedar policies equivalent to this OmniGraph policy bundle (generated).
        // Bundle kind: graph; resource: Omnigraph::Graph::"spike"
        """
            + SCHEMA
            + """
            // *_is_protected: the branch is one of the protected branches: "main"
            //
            // Entities:
            //   Omnigraph::Actor::"act-analyst" in [Omnigraph::Group::"readers", \
            Omnigraph::Group::"analysts"]
            //   Omnigraph::Actor::"act-reader" in [Omnigraph::Group::"readers"]

            @id("invoke-stored-queries:invoke_query")
            permit(principal in Omnigraph::Group::"readers", action == \
            Omnigraph::Action::"invoke_query", resource == Omnigraph::Graph::"spike");

            @id("read-data:read")
            permit(principal in Omnigraph::Group::"readers", action == Omnigraph::Action::"read", \
            resource == Omnigraph::Graph::"spike") when { true };

            @id("read-data:export")
            permit(principal in Omnigraph::Group::"readers", action == Omnigraph::Action::"export", \
            resource == Omnigraph::Graph::"spike") when { true };

            @id("analyst-writes:change")
            permit(principal in Omnigraph::Group::"analysts", action == \
            Omnigraph::Action::"change", resource == Omnigraph::Graph::"spike") when { true };
            """;
    assertThat(CedarRenderer.render(bundle, "spike")).isEqualTo(expected);
    assertThat(PolicyEngine.forGraph(bundle, "spike").cedarText()).isEqualTo(expected);
  }

  @Test
  void serverFixtureTargetsTheServerRoot() {
    PolicyBundle bundle = PolicyBundles.parse(Fixtures.server(), "server").orElseThrow();
    String expected =
        """
        // Cedar policies equivalent to this OmniGraph policy bundle (generated).
        // Bundle kind: server; resource: Omnigraph::Server::"root"
        """
            + SCHEMA
            + """
            // *_is_protected: the branch is one of the protected branches: (none)
            //
            // Entities:
            //   Omnigraph::Actor::"act-admin" in [Omnigraph::Group::"admins"]

            @id("admin-graph-list:graph_list")
            permit(principal in Omnigraph::Group::"admins", action == \
            Omnigraph::Action::"graph_list", resource == Omnigraph::Server::"root");
            """;
    assertThat(CedarRenderer.render(bundle, null)).isEqualTo(expected);
    assertThat(PolicyEngine.forServer(bundle).cedarText()).isEqualTo(expected);
  }

  @Test
  void scopeConditionsForBothKeys() {
    PolicyBundle bundle =
        PolicyBundle.of(
            Map.of("g", List.of("a")),
            List.of("main", "release"),
            List.of(
                PolicyRule.withBranchScope("p", "g", List.of(PolicyAction.CHANGE), Scope.PROTECTED),
                PolicyRule.withBranchScope("u", "g", List.of(PolicyAction.READ), Scope.UNPROTECTED),
                PolicyRule.withTargetBranchScope(
                    "tp", "g", List.of(PolicyAction.BRANCH_MERGE), Scope.PROTECTED),
                PolicyRule.withTargetBranchScope(
                    "tu", "g", List.of(PolicyAction.SCHEMA_APPLY), Scope.UNPROTECTED)));
    String text = CedarRenderer.render(bundle, null);

    assertThat(text)
        .contains(
            "// *_is_protected: the branch is one of the protected branches: \"main\", \"release\"\n")
        .endsWith(
            """
            @id("p:change")
            permit(principal in Omnigraph::Group::"g", action == Omnigraph::Action::"change", \
            resource == Omnigraph::Graph::"default") when { context.has_branch && \
            context.branch_is_protected };

            @id("u:read")
            permit(principal in Omnigraph::Group::"g", action == Omnigraph::Action::"read", \
            resource == Omnigraph::Graph::"default") when { context.has_branch && \
            !context.branch_is_protected };

            @id("tp:branch_merge")
            permit(principal in Omnigraph::Group::"g", action == Omnigraph::Action::"branch_merge", \
            resource == Omnigraph::Graph::"default") when { context.has_target_branch && \
            context.target_branch_is_protected };

            @id("tu:schema_apply")
            permit(principal in Omnigraph::Group::"g", action == Omnigraph::Action::"schema_apply", \
            resource == Omnigraph::Graph::"default") when { context.has_target_branch && \
            !context.target_branch_is_protected };
            """);
  }

  @Test
  void stringsAreEscaped() {
    PolicyBundle bundle =
        PolicyBundle.of(
            Map.of("we \"quote\"", List.of("back\\slash\nnew\u0001line")),
            List.of(),
            List.of(PolicyRule.of("r\"1", "we \"quote\"", List.of(PolicyAction.ADMIN))));
    String text = CedarRenderer.render(bundle, "g\"x");

    assertThat(text)
        .contains(
            "//   Omnigraph::Actor::\"back\\\\slash\\nnew\\u{1}line\" in"
                + " [Omnigraph::Group::\"we \\\"quote\\\"\"]\n")
        .endsWith(
            "@id(\"r\\\"1:admin\")\n"
                + "permit(principal in Omnigraph::Group::\"we \\\"quote\\\"\", action =="
                + " Omnigraph::Action::\"admin\", resource == Omnigraph::Graph::\"g\\\"x\");\n");
    assertThat(text.lines())
        .allMatch(
            l ->
                l.isEmpty()
                    || l.startsWith("//")
                    || l.startsWith("@id(")
                    || l.startsWith("permit("));
  }

  @Test
  void emptyBundleSaysEverythingIsDenied() {
    PolicyBundle bundle = PolicyBundle.of(Map.of(), List.of(), List.of());
    assertThat(CedarRenderer.render(bundle, "g"))
        .endsWith("// Entities:\n\n// (no policies: every request is denied)\n");
  }

  @Test
  void renderingIsDeterministic() {
    PolicyBundle bundle = PolicyBundles.parse(Fixtures.intel(), "intel").orElseThrow();
    PolicyBundle again = PolicyBundles.parse(Fixtures.intel(), "other-name").orElseThrow();
    assertThat(CedarRenderer.render(bundle, "spike"))
        .isEqualTo(CedarRenderer.render(again, "spike"));
  }
}
