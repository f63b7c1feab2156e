package io.omnigraph.policy;

import java.util.Objects;

/**
 * One case of a {@code policy.tests.yaml} file.
 *
 * @param id unique, non-blank case id
 * @param actor the actor
 * @param action the action
 * @param branch the branch, {@code null} when absent
 * @param targetBranch the target branch, {@code null} when absent
 * @param expect the expected decision
 */
public record PolicyTestCase(
    String id,
    String actor,
    PolicyAction action,
    String branch,
    String targetBranch,
    Expectation expect) {

  public PolicyTestCase {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(expect, "expect");
  }

  /** The request this case asks about. */
  public PolicyRequest request() {
    return new PolicyRequest(actor, action, branch, targetBranch);
  }
}
