package io.omnigraph.policy;

import java.util.Locale;

/**
 * Stable codes for policy and policy-test file errors. The first group are parse (shape) errors,
 * the rest the semantic rules of 07 §3 and the test-file rules of 07 §5. The cluster control plane
 * reports any of them as {@code policy_invalid}.
 */
public enum PolicyErrorCode {
  // Parse errors: the file is not a well-formed document of the expected shape.
  YAML_SYNTAX(true),
  DUPLICATE_KEY(true),
  UNKNOWN_FIELD(true),
  MISSING_FIELD(true),
  WRONG_TYPE(true),
  UNKNOWN_ACTION(true),
  UNKNOWN_SCOPE(true),
  UNKNOWN_KIND(true),
  UNKNOWN_EXPECT(true),

  // Semantic rules of 07 §3 (bundles).
  BAD_VERSION(false),
  BLANK_GROUP_NAME(false),
  EMPTY_GROUP(false),
  BLANK_ACTOR_ID(false),
  BLANK_PROTECTED_BRANCH(false),
  BLANK_RULE_ID(false),
  DUPLICATE_RULE_ID(false),
  BLANK_RULE_GROUP(false),
  UNKNOWN_GROUP(false),
  EMPTY_ACTIONS(false),
  CONFLICTING_SCOPES(false),
  UNSUPPORTED_BRANCH_SCOPE(false),
  UNSUPPORTED_TARGET_BRANCH_SCOPE(false),
  MIXED_SERVER_ACTION(false),
  SERVER_ACTION_SCOPE(false),
  ACTION_KIND_MISMATCH(false),
  DECLARED_KIND_MISMATCH(false),
  MIXED_KINDS(false),
  CEDAR_VALIDATION(false),

  // Semantic rules of 07 §5 (policy.tests.yaml).
  BAD_TEST_VERSION(false),
  BLANK_CASE_ID(false),
  DUPLICATE_CASE_ID(false),
  BLANK_CASE_ACTOR(false),
  BLANK_CASE_BRANCH(false);

  private final boolean parse;

  PolicyErrorCode(boolean parse) {
    this.parse = parse;
  }

  /** Whether this is a parse (shape) error rather than a semantic one. */
  public boolean isParseError() {
    return parse;
  }

  /** The snake_case spelling, e.g. {@code duplicate_rule_id}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
