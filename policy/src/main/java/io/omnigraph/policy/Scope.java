package io.omnigraph.policy;

import java.util.Arrays;
import java.util.Optional;

/**
 * The value of a {@code branch_scope} or {@code target_branch_scope} key (07 §2). An absent key
 * means no condition at all.
 */
public enum Scope {
  /** Always true, with or without a branch. */
  ANY("any"),
  /** The branch is present and listed in {@code protected_branches}. */
  PROTECTED("protected"),
  /** The branch is present and not listed in {@code protected_branches}. */
  UNPROTECTED("unprotected");

  private final String wire;

  Scope(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public static Optional<Scope> fromWire(String text) {
    return Arrays.stream(values()).filter(s -> s.wire.equals(text)).findFirst();
  }

  /** Whether the condition holds for a branch that may be absent ({@code null}). */
  public boolean admits(String branch, boolean branchIsProtected) {
    return switch (this) {
      case ANY -> true;
      case PROTECTED -> branch != null && branchIsProtected;
      case UNPROTECTED -> branch != null && !branchIsProtected;
    };
  }

  /** The Cedar condition for this scope on the given key (07 §2 scope conditions table). */
  public String cedarCondition(ScopeKey key) {
    String has = "context." + key.hasVariable();
    String prot = "context." + key.protectedVariable();
    return switch (this) {
      case ANY -> "true";
      case PROTECTED -> has + " && " + prot;
      case UNPROTECTED -> has + " && !" + prot;
    };
  }
}
