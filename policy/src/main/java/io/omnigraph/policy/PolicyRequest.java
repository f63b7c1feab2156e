package io.omnigraph.policy;

import java.util.Objects;
import java.util.Optional;

/**
 * One authorization question: may {@code actor} perform {@code action}, in the given branch
 * context? Branches are {@code null} when absent (Cedar {@code has_branch == false}).
 *
 * @param actor the authenticated actor id
 * @param action the action
 * @param branch the branch read or written ({@code null} = absent)
 * @param targetBranch the branch targeted by a structural operation ({@code null} = absent)
 */
public record PolicyRequest(String actor, PolicyAction action, String branch, String targetBranch) {

  public PolicyRequest {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
  }

  /** A request without branch context. */
  public static PolicyRequest of(String actor, PolicyAction action) {
    return new PolicyRequest(actor, action, null, null);
  }

  /** This request with {@code branch} set. */
  public PolicyRequest onBranch(String newBranch) {
    return new PolicyRequest(actor, action, newBranch, targetBranch);
  }

  /** This request with {@code targetBranch} set. */
  public PolicyRequest targeting(String newTarget) {
    return new PolicyRequest(actor, action, branch, newTarget);
  }

  public Optional<String> branchOpt() {
    return Optional.ofNullable(branch);
  }

  public Optional<String> targetBranchOpt() {
    return Optional.ofNullable(targetBranch);
  }
}
