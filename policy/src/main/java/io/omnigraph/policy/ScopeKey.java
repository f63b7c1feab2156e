package io.omnigraph.policy;

/** The two rule keys that restrict the branch context of a request. */
public enum ScopeKey {
  /**
   * Restricts the branch the request reads or writes ({@code read}, {@code export}, {@code
   * change}).
   */
  BRANCH_SCOPE("branch_scope", "has_branch", "branch_is_protected"),
  /** Restricts the branch a structural operation targets (schema apply, branch operations). */
  TARGET_BRANCH_SCOPE("target_branch_scope", "has_target_branch", "target_branch_is_protected");

  private final String wire;
  private final String hasVar;
  private final String protectedVar;

  ScopeKey(String wire, String hasVar, String protectedVar) {
    this.wire = wire;
    this.hasVar = hasVar;
    this.protectedVar = protectedVar;
  }

  /** The YAML key. */
  public String wire() {
    return wire;
  }

  /** The Cedar context attribute saying whether the branch is present. */
  String hasVariable() {
    return hasVar;
  }

  /** The Cedar context attribute saying whether the branch is protected. */
  String protectedVariable() {
    return protectedVar;
  }
}
