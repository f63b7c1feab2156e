package io.omnigraph.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Random bundles and requests: the engine agrees with a direct, unoptimised reading of 07 §1–§2,
 * and bundles survive a trip through YAML text.
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

  @Property(tries = 1500)
  void engineAgreesWithReferenceEvaluation(@ForAll("scenarios") Scenario s) {
    PolicyEngine engine = PolicyEngine.compile(s.bundle(), "g");
    for (PolicyRequest r : s.requests()) {
      PolicyDecision d = engine.decide(r);
      assertThat(d).as(r.toString()).isEqualTo(reference(s.bundle(), r));
      Statistics.label("decision").collect(outcome(engine, r, d));
      Statistics.label("permitting rules").collect(Math.min(permitting(s.bundle(), r), 2));
    }
    Statistics.label("permitting rules").coverage(c -> c.check(2).percentage(p -> p > 3));
    Statistics.label("decision")
        .coverage(
            c -> {
              c.check("allow").percentage(p -> p > 20);
              c.check("deny").percentage(p -> p > 5);
              c.check("unknown").percentage(p -> p > 5);
            });
  }

  static String outcome(PolicyEngine engine, PolicyRequest r, PolicyDecision d) {
    if (d.allowed()) {
      return "allow";
    }
    return engine.knowsActor(r.actor()) ? "deny" : "unknown";
  }

  @Property(tries = 500)
  void bundlesRoundTripThroughYaml(
      @ForAll("scenarios") Scenario s, @ForAll boolean flow, @ForAll boolean declareKind) {
    PolicyBundle bundle = s.bundle();
    String yaml = Yaml.write(bundle, flow, declareKind);
    BindingKind binding = bundle.kind();

    PolicyResult<PolicyBundle> parsed = PolicyBundles.parse(yaml, "gen.yaml", binding);

    assertThat(parsed.errors()).as(yaml).isEmpty();
    PolicyBundle expected =
        declareKind
            ? new PolicyBundle(
                1,
                Optional.of(binding),
                binding,
                bundle.groups(),
                bundle.protectedBranches(),
                bundle.rules())
            : bundle;
    assertThat(parsed.value()).isEqualTo(expected);
  }

  @Property(tries = 300)
  void cedarTextHasOnePermitPerRuleAction(@ForAll("scenarios") Scenario s) {
    String text = CedarRenderer.render(s.bundle(), "g");
    long permits = text.lines().filter(l -> l.startsWith("permit(")).count();
    long expected = s.bundle().rules().stream().mapToLong(r -> r.actions().size()).sum();
    assertThat(permits).isEqualTo(expected);
    assertThat(text.lines().filter(l -> l.startsWith("@id(")).distinct().count())
        .isEqualTo(expected);
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

  @Provide
  Arbitrary<Scenario> scenarios() {
    Arbitrary<PolicyBundle> bundles = Arbitraries.oneOf(graphBundles(), serverBundles());
    return bundles.flatMap(
        b -> requests(b).list().ofMinSize(1).ofMaxSize(40).map(rs -> new Scenario(b, rs)));
  }

  /** Requests biased towards the actions the bundle grants, so that allows are common. */
  Arbitrary<PolicyRequest> requests(PolicyBundle bundle) {
    Arbitrary<String> actor =
        Arbitraries.frequencyOf(
            Tuple.of(1, Arbitraries.of(List.of("a0", "a1", "a2", "a3", "a4", "a5", "zz"))),
            Tuple.of(2, Arbitraries.of(List.copyOf(bundle.actors()))));
    List<PolicyAction> granted =
        bundle.rules().stream().flatMap(r -> r.actions().stream()).distinct().toList();
    Arbitrary<PolicyAction> anyAction = Arbitraries.of(PolicyAction.class);
    Arbitrary<PolicyAction> action =
        granted.isEmpty()
            ? anyAction
            : Arbitraries.frequencyOf(Tuple.of(1, anyAction), Tuple.of(3, Arbitraries.of(granted)));
    Arbitrary<String> branch =
        Arbitraries.of("main", "release", "dev", "feature", "").injectNull(0.3);
    return Combinators.combine(actor, action, branch, branch).as(PolicyRequest::new);
  }

  Arbitrary<Map<String, List<String>>> groups() {
    Arbitrary<List<String>> members = Arbitraries.of(ACTORS).list().ofMinSize(1).ofMaxSize(4);
    return Arbitraries.of(GROUPS)
        .list()
        .uniqueElements()
        .ofMinSize(1)
        .ofMaxSize(4)
        .flatMap(
            names ->
                members
                    .list()
                    .ofSize(names.size())
                    .map(
                        ms -> {
                          Map<String, List<String>> out = new LinkedHashMap<>();
                          for (int i = 0; i < names.size(); i++) {
                            out.put(names.get(i), ms.get(i));
                          }
                          return out;
                        }));
  }

  Arbitrary<PolicyBundle> graphBundles() {
    return groups()
        .flatMap(
            gs ->
                Combinators.combine(
                        Arbitraries.of(BRANCHES).list().uniqueElements().ofMaxSize(3),
                        ruleIds(),
                        graphRule(List.copyOf(gs.keySet())).list().ofSize(RULE_IDS.size()))
                    .as((pb, ids, rules) -> PolicyBundle.of(gs, pb, withIds(ids, rules))));
  }

  Arbitrary<PolicyBundle> serverBundles() {
    return groups()
        .flatMap(
            gs ->
                Combinators.combine(
                        ruleIds(),
                        Arbitraries.of(List.copyOf(gs.keySet())).list().ofSize(RULE_IDS.size()))
                    .as(
                        (ids, owners) -> {
                          List<PolicyRule> rules = new ArrayList<>();
                          for (int i = 0; i < ids.size(); i++) {
                            rules.add(
                                PolicyRule.of(
                                    ids.get(i), owners.get(i), List.of(PolicyAction.GRAPH_LIST)));
                          }
                          return PolicyBundle.of(gs, List.of(), rules);
                        }));
  }

  Arbitrary<List<String>> ruleIds() {
    return Arbitraries.of(RULE_IDS).list().uniqueElements().ofMaxSize(8);
  }

  /** A rule with a placeholder id: unscoped, branch-scoped or target-scoped. */
  Arbitrary<PolicyRule> graphRule(List<String> groupNames) {
    Arbitrary<String> group = Arbitraries.of(groupNames);
    Arbitrary<Scope> scope = Arbitraries.of(Scope.class);
    Arbitrary<PolicyRule> plain =
        Combinators.combine(group, actions(GRAPH_ACTIONS)).as((g, as) -> PolicyRule.of("", g, as));
    Arbitrary<PolicyRule> branch =
        Combinators.combine(group, actions(BRANCH_ACTIONS), scope)
            .as((g, as, s) -> PolicyRule.withBranchScope("", g, as, s));
    Arbitrary<PolicyRule> target =
        Combinators.combine(group, actions(TARGET_ACTIONS), scope)
            .as((g, as, s) -> PolicyRule.withTargetBranchScope("", g, as, s));
    return Arbitraries.oneOf(plain, branch, target);
  }

  static Arbitrary<List<PolicyAction>> actions(List<PolicyAction> from) {
    return Arbitraries.of(from).list().uniqueElements().ofMinSize(1).ofMaxSize(from.size());
  }

  static List<PolicyRule> withIds(List<String> ids, List<PolicyRule> rules) {
    List<PolicyRule> out = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      PolicyRule r = rules.get(i);
      out.add(
          new PolicyRule(
              ids.get(i), r.group(), r.actions(), r.branchScope(), r.targetBranchScope()));
    }
    return out;
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
