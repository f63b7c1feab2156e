package io.omnigraph.policy;

import java.util.Objects;
import java.util.Optional;

/**
 * The answer to a {@link PolicyRequest}.
 *
 * @param allowed whether some rule permits the request
 * @param matchedRuleId the lexicographically smallest permitting rule id (present iff allowed)
 * @param message the 07 §5 decision message
 */
public record PolicyDecision(boolean allowed, Optional<String> matchedRuleId, String message) {

  public PolicyDecision {
    Objects.requireNonNull(matchedRuleId, "matchedRuleId");
    Objects.requireNonNull(message, "message");
    if (allowed != matchedRuleId.isPresent()) {
      throw new IllegalArgumentException("an allow names its rule; a deny names none");
    }
  }

  static PolicyDecision allow(String ruleId, PolicyAction action, String actor) {
    String msg = "policy allowed action '%s' for actor '%s'".formatted(action.wire(), actor);
    return new PolicyDecision(true, Optional.of(ruleId), msg);
  }

  static PolicyDecision deny(PolicyRequest r) {
    StringBuilder sb = new StringBuilder("policy denied action '").append(r.action().wire());
    sb.append('\'');
    if (r.branch() != null) {
      sb.append(" on branch '").append(r.branch()).append('\'');
    }
    if (r.targetBranch() != null) {
      sb.append(" targeting branch '").append(r.targetBranch()).append('\'');
    }
    sb.append(" for actor '").append(r.actor()).append('\'');
    return new PolicyDecision(false, Optional.empty(), sb.toString());
  }

  static PolicyDecision unknownActor(PolicyRequest r) {
    String msg =
        "policy denied action '%s' for unknown actor '%s'".formatted(r.action().wire(), r.actor());
    return new PolicyDecision(false, Optional.empty(), msg);
  }

  /** {@code allow} or {@code deny}, as printed by {@code policy explain}. */
  public String wire() {
    return allowed ? "allow" : "deny";
  }
}
