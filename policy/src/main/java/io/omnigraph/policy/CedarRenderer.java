package io.omnigraph.policy;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders a bundle as the equivalent Cedar policy set (07 §2 "Cedar model"): a header comment with
 * the entity/context model and the group memberships, then one {@code permit} per (rule, action),
 * annotated {@code @id("<rule_id>:<action>")}, in file order. The output is deterministic. The
 * engine does not run this text (decision 6); it is printed for transparency.
 */
public final class CedarRenderer {
  private static final String SERVER_RESOURCE = "Omnigraph::Server::\"root\"";

  private CedarRenderer() {}

  /**
   * The Cedar text of {@code bundle}. Per-graph actions target {@code
   * Omnigraph::Graph::"<graphId>"} ({@link PolicyEngine#DEFAULT_GRAPH_ID} when {@code graphId} is
   * {@code null}); server-scoped actions target {@code Omnigraph::Server::"root"}.
   */
  public static String render(PolicyBundle bundle, String graphId) {
    String graph = graphResource(graphId == null ? PolicyEngine.DEFAULT_GRAPH_ID : graphId);
    StringBuilder out = new StringBuilder();
    header(out, bundle, bundle.kind() == BindingKind.SERVER ? SERVER_RESOURCE : graph);
    if (bundle.rules().isEmpty()) {
      out.append("\n// (no policies: every request is denied)\n");
    }
    for (PolicyRule rule : bundle.rules()) {
      for (PolicyAction action : rule.actions()) {
        out.append('\n').append(permit(rule, action, graph));
      }
    }
    return out.toString();
  }

  /** {@code Omnigraph::Graph::"<id>"}. */
  public static String graphResource(String graphId) {
    return "Omnigraph::Graph::" + literal(graphId);
  }

  /** One annotated permit for (rule, action), ending with a newline. */
  static String permit(PolicyRule rule, PolicyAction action, String graphResource) {
    String resource = action.serverScoped() ? SERVER_RESOURCE : graphResource;
    StringBuilder sb = new StringBuilder();
    sb.append("@id(").append(literal(rule.id() + ":" + action.wire())).append(")\n");
    sb.append("permit(principal in Omnigraph::Group::").append(literal(rule.group()));
    sb.append(", action == Omnigraph::Action::").append(literal(action.wire()));
    sb.append(", resource == ").append(resource).append(')');
    if (rule.scope().isPresent()) {
      String condition = rule.scope().get().cedarCondition(rule.scopeKey().orElseThrow());
      sb.append(" when { ").append(condition).append(" }");
    }
    return sb.append(";\n").toString();
  }

  private static void header(StringBuilder out, PolicyBundle bundle, String resource) {
    out.append("// Cedar policies equivalent to this OmniGraph policy bundle (generated).\n");
    out.append("// Bundle kind: ").append(bundle.kind().wire());
    out.append("; resource: ").append(resource).append('\n');
    out.append("//\n");
    out.append("// Schema:\n");
    out.append("// namespace Omnigraph {\n");
    out.append("//   entity Group;\n");
    out.append("//   entity Actor in [Group];\n");
    out.append("//   entity Graph;\n");
    out.append("//   entity Server;\n");
    out.append("//   type BranchContext = {\n");
    out.append("//     has_branch: Bool, branch: String, branch_is_protected: Bool,\n");
    out.append("//     has_target_branch: Bool, target_branch: String,");
    out.append(" target_branch_is_protected: Bool };\n");
    out.append("//   action ").append(actionList(false));
    out.append(
        "\n//     appliesTo { principal: Actor, resource: Graph, context: BranchContext };\n");
    out.append("//   action ").append(actionList(true));
    out.append(
        "\n//     appliesTo { principal: Actor, resource: Server, context: BranchContext };\n");
    out.append("// }\n");
    out.append(
        "// An absent branch has has_branch == false and branch == \"\" (likewise target).\n");
    out.append("// *_is_protected: the branch is one of the protected branches: ");
    out.append(
        bundle.protectedBranches().isEmpty() ? "(none)" : quoted(bundle.protectedBranches()));
    out.append("\n//\n// Entities:\n");
    for (String actor : bundle.actors()) {
      out.append("//   Omnigraph::Actor::").append(literal(actor)).append(" in [");
      out.append(
          bundle.groupsOf(actor).stream()
              .map(g -> "Omnigraph::Group::" + literal(g))
              .collect(Collectors.joining(", ")));
      out.append("]\n");
    }
  }

  private static String actionList(boolean serverScoped) {
    return Arrays.stream(PolicyAction.values())
        .filter(a -> a.serverScoped() == serverScoped)
        .map(a -> literal(a.wire()))
        .collect(Collectors.joining(", "));
  }

  private static String quoted(List<String> names) {
    return names.stream().map(CedarRenderer::literal).collect(Collectors.joining(", "));
  }

  /** A Cedar string literal: quotes, backslashes and control characters escaped. */
  static String literal(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    s.codePoints().forEach(cp -> appendEscaped(sb, cp));
    return sb.append('"').toString();
  }

  private static void appendEscaped(StringBuilder sb, int cp) {
    switch (cp) {
      case '"' -> sb.append("\\\"");
      case '\\' -> sb.append("\\\\");
      case '\n' -> sb.append("\\n");
      case '\r' -> sb.append("\\r");
      case '\t' -> sb.append("\\t");
      case 0 -> sb.append("\\0");
      default -> {
        if (cp < 0x20 || cp == 0x7f) {
          sb.append("\\u{").append(Integer.toHexString(cp)).append('}');
        } else {
          sb.appendCodePoint(cp);
        }
      }
    }
  }
}
