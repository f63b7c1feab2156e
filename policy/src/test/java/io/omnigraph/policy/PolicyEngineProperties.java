package io.omnigraph.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnigraph.compiler.testing.PropertyCheck;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random bundles and requests: the engine agrees with a direct, unoptimised reading of 07 §1–§2,
 * and bundles survive a trip through YAML text (new inputs each run; see {@link PropertyCheck}).
 */
class PolicyEngineProperties {
  private static final List<String> ACTORS = List.of("a0", "a1", "a2", "a3", "a4", "a5");
  private static final List<String> GROUPS = List.of("g0", "g1", "g2", "g3");
  private static final List<String> BRANCHES = List.of("main", "release", "dev");
  private static final List<String> RULE_IDS =
      List.of("r0", "r1", "r2", "R2", "r-10", "r_9", "é", "\uFFFF", "\uD83D\uDE00", "a.b", "0");
  private static final List<PolicyAction> BRANCH_ACTIONS =
      List.of(PolicyAction.READ, PolicyAction.EXPORT, PolicyAction.CHANGE);
  private static final List<PolicyAction> TARGET_ACTIONS =
      List.of(
          PolicyAction.SCHEMA_APPLY,
          PolicyAction.BRANCH_CREATE,
          PolicyAction.BRANCH_DELETE,
          PolicyAction.BRANCH_MERGE);
  private static final List<PolicyAction> GRAPH_ACTIONS =
      Arrays.stream(PolicyAction.values()).filter(a -> !a.serverScoped()).toList();

  record Scenario(PolicyBundle bundle, List<PolicyRequest> requests) {}

  record YamlCase(PolicyBundle bundle, boolean flow, boolean declareKind) {}

  @Test
  void engineAgreesWithReferenceEvaluation() {
    Map<String, Integer> decisions = new LinkedHashMap<>();
    List.of("allow", "deny", "unknown").forEach(o -> decisions.put(o, 0));
    int[] ties = {0};
    int[] requests = {0};
    PropertyCheck.forAllValues(
        "policy engine vs reference",
        1500,
        PolicyEngineProperties::scenario,
        s -> {
          PolicyEngine engine = PolicyEngine.compile(s.bundle(), "g");
          for (PolicyRequest r : s.requests()) {
            PolicyDecision d = engine.decide(r);
            assertThat(d).as(r.toString()).isEqualTo(reference(s.bundle(), r));
            decisions.merge(outcome(engine, r, d), 1, Integer::sum);
            if (permitting(s.bundle(), r) >= 2) {
              ties[0]++;
            }
            requests[0]++;
          }
        });

    // Coverage: the generators must exercise every outcome and ties on the smallest rule id.
    String seen =
        "of %d requests: %s, ties between >= 2 permitting rules %d (base seed %d)"
            .formatted(requests[0], decisions, ties[0], PropertyCheck.baseSeed());
    assertThat(percent(decisions.get("allow"), requests[0])).as("allow " + seen).isGreaterThan(20);
    assertThat(percent(decisions.get("deny"), requests[0])).as("deny " + seen).isGreaterThan(5);
    assertThat(percent(decisions.get("unknown"), requests[0]))
        .as("unknown actor " + seen)
        .isGreaterThan(5);
    assertThat(percent(ties[0], requests[0])).as("ties " + seen).isGreaterThan(3);
  }

  static double percent(int count, int total) {
    return total == 0 ? 0 : 100.0 * count / total;
  }

  static String outcome(PolicyEngine engine, PolicyRequest r, PolicyDecision d) {
    if (d.allowed()) {
      return "allow";
    }
    return engine.knowsActor(r.actor()) ? "deny" : "unknown";
  }

  @Test
  void bundlesRoundTripThroughYaml() {
    PropertyCheck.forAllValues(
        "policy bundle yaml round trip",
        500,
        r -> new YamlCase(bundle(r), r.nextBoolean(), r.nextBoolean()),
        c -> {
          PolicyBundle bundle = c.bundle();
          String yaml = Yaml.write(bundle, c.flow(), c.declareKind());
          BindingKind binding = bundle.kind();

          PolicyResult<PolicyBundle> parsed = PolicyBundles.parse(yaml, "gen.yaml", binding);

          assertThat(parsed.errors()).as(yaml).isEmpty();
          PolicyBundle expected =
              c.declareKind()
                  ? new PolicyBundle(
                      1,
                      Optional.of(binding),
                      binding,
                      bundle.groups(),
                      bundle.protectedBranches(),
                      bundle.rules())
                  : bundle;
          assertThat(parsed.value()).as(yaml).isEqualTo(expected);
        });
  }

  @Test
  void cedarTextHasOnePermitPerRuleAction() {
    PropertyCheck.forAllValues(
        "policy cedar permits per rule action",
        300,
        PolicyEngineProperties::bundle,
        b -> {
          String text = CedarRenderer.render(b, "g");
          long permits = text.lines().filter(l -> l.startsWith("permit(")).count();
          long expected = b.rules().stream().mapToLong(r -> r.actions().size()).sum();
          assertThat(permits).as(text).isEqualTo(expected);
          assertThat(text.lines().filter(l -> l.startsWith("@id(")).distinct().count())
              .as(text)
              .isEqualTo(expected);
        });
  }

  // ---- reference evaluation: a literal reading of the spec, no precomputation ----

  static PolicyDecision reference(PolicyBundle b, PolicyRequest r) {
    String a = r.action().wire();
    boolean known = b.groups().values().stream().anyMatch(m -> m.contains(r.actor()));
    if (!known) {
      return new PolicyDecision(
          false,
          Optional.empty(),
          "policy denied action '" + a + "' for unknown actor '" + r.actor() + "'");
    }
    String best = null;
    for (PolicyRule rule : b.rules()) {
      boolean member = b.groups().get(rule.group()).contains(r.actor());
      boolean resourceMatches = r.action().serverScoped() == (b.kind() == BindingKind.SERVER);
      if (member
          && resourceMatches
          && rule.actions().contains(r.action())
          && condition(rule, r, b.protectedBranches())
          && (best == null || codePointsBefore(rule.id(), best))) {
        best = rule.id();
      }
    }
    if (best != null) {
      return new PolicyDecision(
          true,
          Optional.of(best),
          "policy allowed action '" + a + "' for actor '" + r.actor() + "'");
    }
    String msg = "policy denied action '" + a + "'";
    if (r.branch() != null) {
      msg += " on branch '" + r.branch() + "'";
    }
    if (r.targetBranch() != null) {
      msg += " targeting branch '" + r.targetBranch() + "'";
    }
    return new PolicyDecision(false, Optional.empty(), msg + " for actor '" + r.actor() + "'");
  }

  /** How many rules permit {@code r} (to check that ties on the smallest id are exercised). */
  static int permitting(PolicyBundle b, PolicyRequest r) {
    PolicyDecision d = reference(b, r);
    if (!d.allowed()) {
      return 0;
    }
    return (int)
        b.rules().stream()
            .filter(rule -> b.groups().get(rule.group()).contains(r.actor()))
            .filter(rule -> rule.actions().contains(r.action()))
            .filter(rule -> condition(rule, r, b.protectedBranches()))
            .count();
  }

  /** 07 §2 scope conditions table. */
  static boolean condition(PolicyRule rule, PolicyRequest r, List<String> protectedBranches) {
    if (rule.branchScope().isPresent()) {
      return holds(rule.branchScope().get(), r.branch(), protectedBranches);
    }
    if (rule.targetBranchScope().isPresent()) {
      return holds(rule.targetBranchScope().get(), r.targetBranch(), protectedBranches);
    }
    return true;
  }

  static boolean holds(Scope scope, String branch, List<String> protectedBranches) {
    boolean has = branch != null;
    boolean isProtected = has && protectedBranches.contains(branch);
    return switch (scope) {
      case ANY -> true;
      case PROTECTED -> has && isProtected;
      case UNPROTECTED -> has && !isProtected;
    };
  }

  static boolean codePointsBefore(String x, String y) {
    return Arrays.compare(x.codePoints().toArray(), y.codePoints().toArray()) < 0;
  }

  // ---- generators ----

  /** A graph or server bundle (even odds) with 1–40 requests against it. */
  static Scenario scenario(Random r) {
    PolicyBundle b = bundle(r);
    List<PolicyRequest> rs = new ArrayList<>();
    for (int n = 1 + r.nextInt(40); n > 0; n--) {
      rs.add(request(r, b));
    }
    return new Scenario(b, rs);
  }

  static PolicyBundle bundle(Random r) {
    return r.nextBoolean() ? graphBundle(r) : serverBundle(r);
  }

  /** Requests biased towards the actions the bundle grants, so that allows are common. */
  static PolicyRequest request(Random r, PolicyBundle bundle) {
    String actor =
        r.nextInt(3) == 0
            ? pick(r, List.of("a0", "a1", "a2", "a3", "a4", "a5", "zz"))
            : pick(r, List.copyOf(bundle.actors()));
    List<PolicyAction> granted =
        bundle.rules().stream().flatMap(rule -> rule.actions().stream()).distinct().toList();
    PolicyAction action =
        granted.isEmpty() || r.nextInt(4) == 0
            ? pick(r, Arrays.asList(PolicyAction.values()))
            : pick(r, granted);
    return new PolicyRequest(actor, action, branch(r), branch(r));
  }

  /** A branch name, the empty name, or absent ({@code null}, 30 %). */
  static String branch(Random r) {
    return r.nextDouble() < 0.3 ? null : pick(r, List.of("main", "release", "dev", "feature", ""));
  }

  /** 1–4 distinct groups, each with 1–4 members (repeats allowed). */
  static Map<String, List<String>> groups(Random r) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String name : distinct(r, GROUPS, 1, 4)) {
      List<String> members = new ArrayList<>();
      for (int n = 1 + r.nextInt(4); n > 0; n--) {
        members.add(pick(r, ACTORS));
      }
      out.put(name, members);
    }
    return out;
  }

  static PolicyBundle graphBundle(Random r) {
    Map<String, List<String>> gs = groups(r);
    List<String> protectedBranches = distinct(r, BRANCHES, 0, 3);
    List<String> groupNames = List.copyOf(gs.keySet());
    List<PolicyRule> rules = new ArrayList<>();
    for (String id : ruleIds(r)) {
      rules.add(graphRule(r, id, groupNames));
    }
    return PolicyBundle.of(gs, protectedBranches, rules);
  }

  static PolicyBundle serverBundle(Random r) {
    Map<String, List<String>> gs = groups(r);
    List<String> groupNames = List.copyOf(gs.keySet());
    List<PolicyRule> rules = new ArrayList<>();
    for (String id : ruleIds(r)) {
      rules.add(PolicyRule.of(id, pick(r, groupNames), List.of(PolicyAction.GRAPH_LIST)));
    }
    return PolicyBundle.of(gs, List.of(), rules);
  }

  /** 0–8 distinct rule ids in random order. */
  static List<String> ruleIds(Random r) {
    return distinct(r, RULE_IDS, 0, 8);
  }

  /** A rule (even odds): unscoped, branch-scoped or target-scoped. */
  static PolicyRule graphRule(Random r, String id, List<String> groupNames) {
    String group = pick(r, groupNames);
    return switch (r.nextInt(3)) {
      case 0 -> PolicyRule.of(id, group, actions(r, GRAPH_ACTIONS));
      case 1 -> PolicyRule.withBranchScope(id, group, actions(r, BRANCH_ACTIONS), scope(r));
      default -> PolicyRule.withTargetBranchScope(id, group, actions(r, TARGET_ACTIONS), scope(r));
    };
  }

  static Scope scope(Random r) {
    return pick(r, Arrays.asList(Scope.values()));
  }

  /** 1..all distinct actions from {@code from}, in random order. */
  static List<PolicyAction> actions(Random r, List<PolicyAction> from) {
    return distinct(r, from, 1, from.size());
  }

  static <T> T pick(Random r, List<T> from) {
    return from.get(r.nextInt(from.size()));
  }

  /** {@code min..max} distinct elements of {@code from} (capped at its size), in random order. */
  static <T> List<T> distinct(Random r, List<T> from, int min, int max) {
    List<T> shuffled = new ArrayList<>(from);
    Collections.shuffle(shuffled, r);
    int hi = Math.min(max, from.size());
    return List.copyOf(shuffled.subList(0, min + r.nextInt(hi - min + 1)));
  }

  /** Writes bundles as YAML text, in block or flow style. */
  static final class Yaml {
    private Yaml() {}

    static String write(PolicyBundle b, boolean flow, boolean declareKind) {
      StringBuilder sb = new StringBuilder("version: 1\n");
      if (declareKind) {
        sb.append("kind: ").append(b.kind().wire()).append('\n');
      }
      sb.append("groups:\n");
      b.groups()
          .forEach(
              (g, ms) -> sb.append("  ").append(q(g)).append(": ").append(list(ms, flow, "    ")));
      if (!b.protectedBranches().isEmpty()) {
        sb.append("protected_branches: ").append(list(b.protectedBranches(), flow, "  "));
      }
      sb.append("rules:").append(b.rules().isEmpty() ? " []\n" : "\n");
      for (PolicyRule r : b.rules()) {
        sb.append("  - id: ").append(q(r.id())).append('\n');
        sb.append("    allow:\n");
        sb.append("      actors: { group: ").append(q(r.group())).append(" }\n");
        List<String> actions = r.actions().stream().map(PolicyAction::wire).toList();
        sb.append("      actions: ").append(list(actions, flow, "        "));
        r.branchScope()
            .ifPresent(s -> sb.append("      branch_scope: ").append(s.wire()).append('\n'));
        r.targetBranchScope()
            .ifPresent(s -> sb.append("      target_branch_scope: ").append(s.wire()).append('\n'));
      }
      return sb.toString();
    }

    static String list(List<String> items, boolean flow, String indent) {
      if (flow || items.isEmpty()) {
        return "[" + String.join(", ", items.stream().map(Yaml::q).toList()) + "]\n";
      }
      StringBuilder sb = new StringBuilder("\n");
      items.forEach(i -> sb.append(indent).append("- ").append(q(i)).append('\n'));
      return sb.toString();
    }

    /** A double-quoted YAML scalar; characters YAML forbids in the stream are escaped. */
    static String q(String s) {
      StringBuilder sb = new StringBuilder("\"");
      s.codePoints()
          .forEach(
              cp -> {
                if (cp == '"' || cp == '\\') {
                  sb.append('\\').appendCodePoint(cp);
                } else if (cp == 0xFFFE || cp == 0xFFFF || cp < 0x20) {
                  sb.append("\\u%04X".formatted(cp));
                } else {
                  sb.appendCodePoint(cp);
                }
              });
      return sb.append('"').toString();
    }
  }
}
