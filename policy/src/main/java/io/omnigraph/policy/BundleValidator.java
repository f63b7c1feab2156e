package io.omnigraph.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The semantic rules of 07 §3 and decision 6b over a bundle whose shape is already valid. */
final class BundleValidator {
  /** Stable: errors at the same place (or without positions) keep the order they were found in. */
  private static final Comparator<PolicyError> IN_DOCUMENT_ORDER =
      Comparator.comparingInt(PolicyError::line).thenComparingInt(PolicyError::column);

  private final String source;
  private final Locations at;
  private final List<PolicyError> errors = new ArrayList<>();

  private BundleValidator(String source, Locations at) {
    this.source = source;
    this.at = at;
  }

  /**
   * Validates {@code bundle} as bound with {@code binding} (empty: the caller does not know, so the
   * kind is the declared one or is inferred from the actions).
   */
  static PolicyResult<PolicyBundle> validate(
      PolicyBundle bundle, Optional<BindingKind> binding, String source, Locations at) {
    BundleValidator v = new BundleValidator(source, at);
    v.version(bundle);
    v.groups(bundle.groups());
    v.protectedBranches(bundle.protectedBranches());
    v.rules(bundle);
    BindingKind kind = v.kind(bundle, binding);
    if (v.errors.isEmpty()) {
      return PolicyResult.ok(bundle.withKind(kind));
    }
    v.errors.sort(IN_DOCUMENT_ORDER);
    return PolicyResult.failed(v.errors);
  }

  private void error(PolicyErrorCode code, String path, String message) {
    errors.add(PolicyError.at(code, message, source, at.of(path)));
  }

  private void version(PolicyBundle bundle) {
    if (bundle.version() != 1) {
      error(PolicyErrorCode.BAD_VERSION, "version", "policy version must be 1");
    }
  }

  private void groups(Map<String, List<String>> groups) {
    groups.forEach(
        (name, members) -> {
          String path = "groups." + name;
          if (name.isBlank()) {
            error(PolicyErrorCode.BLANK_GROUP_NAME, path, "policy group names must not be blank");
          }
          if (members.isEmpty()) {
            String msg = "policy group '%s' must not be empty".formatted(name);
            error(PolicyErrorCode.EMPTY_GROUP, path, msg);
          }
          int blank = indexOfBlank(members);
          if (blank >= 0) {
            String msg = "policy group '%s' contains a blank actor id".formatted(name);
            error(PolicyErrorCode.BLANK_ACTOR_ID, path + "[" + blank + "]", msg);
          }
        });
  }

  private void protectedBranches(List<String> branches) {
    for (int i = 0; i < branches.size(); i++) {
      if (branches.get(i).isBlank()) {
        String path = "protected_branches[" + i + "]";
        String msg = "protected branch names must not be blank";
        error(PolicyErrorCode.BLANK_PROTECTED_BRANCH, path, msg);
      }
    }
  }

  private void rules(PolicyBundle bundle) {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < bundle.rules().size(); i++) {
      PolicyRule rule = bundle.rules().get(i);
      String path = "rules[" + i + "]";
      ruleId(rule, path, ids);
      ruleGroup(rule, path, bundle.groups());
      ruleActions(rule, path);
      ruleScopes(rule, path);
    }
  }

  private void ruleId(PolicyRule rule, String path, Set<String> seen) {
    if (rule.id().isBlank()) {
      error(PolicyErrorCode.BLANK_RULE_ID, path + ".id", "policy rule ids must not be blank");
    } else if (!seen.add(rule.id())) {
      String msg = "duplicate policy rule id '%s'".formatted(rule.id());
      error(PolicyErrorCode.DUPLICATE_RULE_ID, path + ".id", msg);
    }
  }

  private void ruleGroup(PolicyRule rule, String path, Map<String, List<String>> groups) {
    String groupPath = path + ".allow.actors.group";
    if (rule.group().isBlank()) {
      String msg = "policy rule '%s' must reference a non-blank group".formatted(rule.id());
      error(PolicyErrorCode.BLANK_RULE_GROUP, groupPath, msg);
    } else if (!groups.containsKey(rule.group())) {
      String msg =
          "policy rule '%s' references unknown group '%s'".formatted(rule.id(), rule.group());
      error(PolicyErrorCode.UNKNOWN_GROUP, groupPath, msg);
    }
  }

  private void ruleActions(PolicyRule rule, String path) {
    String actionsPath = path + ".allow.actions";
    if (rule.actions().isEmpty()) {
      String msg = "policy rule '%s' must include at least one action".formatted(rule.id());
      error(PolicyErrorCode.EMPTY_ACTIONS, actionsPath, msg);
    }
    Set<PolicyAction> seen = EnumSet.noneOf(PolicyAction.class);
    for (int j = 0; j < rule.actions().size(); j++) {
      PolicyAction a = rule.actions().get(j);
      if (!seen.add(a)) {
        String msg =
            ("policy validation failed: duplicate policy id '%s:%s' (rule '%s' lists action '%s'"
                    + " more than once)")
                .formatted(rule.id(), a.wire(), rule.id(), a.wire());
        error(PolicyErrorCode.CEDAR_VALIDATION, actionsPath + "[" + j + "]", msg);
      }
    }
    if (rule.hasServerAction() && rule.hasGraphAction()) {
      String msg =
          ("policy rule '%s' mixes the server-scoped action graph_list with per-graph actions;"
                  + " split into separate rules")
              .formatted(rule.id());
      error(PolicyErrorCode.MIXED_SERVER_ACTION, actionsPath, msg);
    }
  }

  private void ruleScopes(PolicyRule rule, String path) {
    String allowPath = path + ".allow";
    if (rule.branchScope().isPresent() && rule.targetBranchScope().isPresent()) {
      String msg =
          "policy rule '%s' may specify branch_scope or target_branch_scope, not both"
              .formatted(rule.id());
      error(PolicyErrorCode.CONFLICTING_SCOPES, allowPath + ".target_branch_scope", msg);
      return;
    }
    Optional<ScopeKey> key = rule.scopeKey();
    if (key.isEmpty()) {
      return;
    }
    String keyPath = allowPath + "." + key.get().wire();
    if (rule.hasServerAction()) {
      String msg =
          "policy rule '%s' uses %s with graph_list: server-scoped actions have no branch context"
              .formatted(rule.id(), key.get().wire());
      error(PolicyErrorCode.SERVER_ACTION_SCOPE, keyPath, msg);
      return;
    }
    PolicyErrorCode code =
        key.get() == ScopeKey.BRANCH_SCOPE
            ? PolicyErrorCode.UNSUPPORTED_BRANCH_SCOPE
            : PolicyErrorCode.UNSUPPORTED_TARGET_BRANCH_SCOPE;
    for (PolicyAction a : rule.actions().stream().distinct().toList()) {
      if (!a.accepts(key.get())) {
        String msg =
            "policy rule '%s' uses %s with unsupported action '%s'"
                .formatted(rule.id(), key.get().wire(), a.wire());
        error(code, keyPath, msg);
      }
    }
  }

  /** The effective kind; reports contradictions between binding, declared kind and actions. */
  private BindingKind kind(PolicyBundle bundle, Optional<BindingKind> binding) {
    Optional<BindingKind> declared = bundle.declaredKind();
    if (binding.isPresent() && declared.isPresent() && binding.get() != declared.get()) {
      declaredKindMismatch(declared.get(), binding.get());
    }
    Optional<BindingKind> fixed = binding.or(() -> declared);
    if (fixed.isPresent()) {
      actionKinds(bundle, fixed.get());
      return fixed.get();
    }
    return inferKind(bundle);
  }

  private void declaredKindMismatch(BindingKind declared, BindingKind binding) {
    String fix =
        declared == BindingKind.SERVER
            ? "a kind: server bundle must be bound to 'cluster'"
            : "a kind: graph bundle must be bound to graph ids";
    String msg =
        "policy kind '%s' contradicts the bundle's %s binding; %s"
            .formatted(declared.wire(), binding.bindingName(), fix);
    error(PolicyErrorCode.DECLARED_KIND_MISMATCH, "kind", msg);
  }

  /** Every action of a single-kind rule must match the bundle kind (mixed rules already failed). */
  private void actionKinds(PolicyBundle bundle, BindingKind kind) {
    for (int i = 0; i < bundle.rules().size(); i++) {
      PolicyRule rule = bundle.rules().get(i);
      if (rule.hasServerAction() && rule.hasGraphAction()) {
        continue;
      }
      List<PolicyAction> actions = rule.actions();
      for (int j = 0; j < actions.size(); j++) {
        PolicyAction a = actions.get(j);
        if (a.kind() != kind && actions.indexOf(a) == j) {
          actionKindMismatch(rule, a, kind, "rules[" + i + "].allow.actions[" + j + "]");
        }
      }
    }
  }

  private void actionKindMismatch(PolicyRule rule, PolicyAction a, BindingKind kind, String path) {
    String scope = a.serverScoped() ? "server-scoped" : "per-graph";
    String fix =
        a.serverScoped()
            ? "move it to a Server policy file (applies_to: [cluster])"
            : "move it to a Graph policy file (applies_to: [<graph id>])";
    String msg =
        "policy rule '%s' uses %s action '%s' in a %s policy file; %s"
            .formatted(rule.id(), scope, a.wire(), kind.title(), fix);
    error(PolicyErrorCode.ACTION_KIND_MISMATCH, path, msg);
  }

  /** No binding and no declared kind: the actions decide; rules of both kinds contradict. */
  private BindingKind inferKind(PolicyBundle bundle) {
    int server = firstRule(bundle, true);
    int graph = firstRule(bundle, false);
    if (server >= 0 && graph >= 0) {
      PolicyRule s = bundle.rules().get(server);
      PolicyRule g = bundle.rules().get(graph);
      String msg =
          ("policy file mixes server-scoped rule '%s' (%s) with per-graph rule '%s' (%s); split it"
                  + " into a Server policy file and a Graph policy file")
              .formatted(s.id(), s.actions().get(0).wire(), g.id(), g.actions().get(0).wire());
      String path = "rules[" + Math.max(server, graph) + "].allow.actions";
      error(PolicyErrorCode.MIXED_KINDS, path, msg);
    }
    return server >= 0 && graph < 0 ? BindingKind.SERVER : BindingKind.GRAPH;
  }

  /** The index of the first rule whose actions are all server-scoped or all per-graph, or -1. */
  private static int firstRule(PolicyBundle bundle, boolean server) {
    for (int i = 0; i < bundle.rules().size(); i++) {
      PolicyRule r = bundle.rules().get(i);
      boolean matches = server ? !r.hasGraphAction() : !r.hasServerAction();
      if (!r.actions().isEmpty() && matches) {
        return i;
      }
    }
    return -1;
  }

  private static int indexOfBlank(List<String> values) {
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i).isBlank()) {
        return i;
      }
    }
    return -1;
  }
}
