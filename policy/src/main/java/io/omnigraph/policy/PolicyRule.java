package io.omnigraph.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One allow rule: the members of {@code group} may perform each of {@code actions}, subject to at
 * most one scope key. A validated rule never has both scopes.
 *
 * @param id unique, non-blank rule id
 * @param group the group named by {@code allow.actors.group}
 * @param actions the permitted actions, in the order written
 * @param branchScope {@code allow.branch_scope}, if present
 * @param targetBranchScope {@code allow.target_branch_scope}, if present
 */
public record PolicyRule(
    String id,
    String group,
    List<PolicyAction> actions,
    Optional<Scope> branchScope,
    Optional<Scope> targetBranchScope) {

  public PolicyRule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(group, "group");
    actions = List.copyOf(actions);
    Objects.requireNonNull(branchScope, "branchScope");
    Objects.requireNonNull(targetBranchScope, "targetBranchScope");
  }

  /** A rule without scope keys. */
  public static PolicyRule of(String id, String group, List<PolicyAction> actions) {
    return new PolicyRule(id, group, actions, Optional.empty(), Optional.empty());
  }

  /** A rule with {@code branch_scope}. */
  public static PolicyRule withBranchScope(
      String id, String group, List<PolicyAction> actions, Scope scope) {
    return new PolicyRule(id, group, actions, Optional.of(scope), Optional.empty());
  }

  /** A rule with {@code target_branch_scope}. */
  public static PolicyRule withTargetBranchScope(
      String id, String group, List<PolicyAction> actions, Scope scope) {
    return new PolicyRule(id, group, actions, Optional.empty(), Optional.of(scope));
  }

  /** The scope key this rule uses (branch scope first if, invalidly, both are set). */
  public Optional<ScopeKey> scopeKey() {
    if (branchScope.isPresent()) {
      return Optional.of(ScopeKey.BRANCH_SCOPE);
    }
    return targetBranchScope.map(s -> ScopeKey.TARGET_BRANCH_SCOPE);
  }

  /** The value of {@link #scopeKey()}. */
  public Optional<Scope> scope() {
    return branchScope.isPresent() ? branchScope : targetBranchScope;
  }

  boolean hasServerAction() {
    return actions.stream().anyMatch(PolicyAction::serverScoped);
  }

  boolean hasGraphAction() {
    return actions.stream().anyMatch(a -> !a.serverScoped());
  }
}
