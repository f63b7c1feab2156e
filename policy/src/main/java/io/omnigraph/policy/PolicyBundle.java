package io.omnigraph.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A policy bundle (07 §1). Instances returned by {@link PolicyBundles} are validated; {@link
 * #kind()} is then the kind the bundle was validated as (its binding, its declared {@code kind}, or
 * the kind inferred from its actions).
 *
 * @param version the {@code version} field (1 in a valid bundle)
 * @param declaredKind the optional top-level {@code kind} (decision 6b)
 * @param kind the effective kind
 * @param groups group name to actor ids, in file order
 * @param protectedBranches {@code protected_branches}, in file order
 * @param rules the allow rules, in file order
 */
public record PolicyBundle(
    int version,
    Optional<BindingKind> declaredKind,
    BindingKind kind,
    Map<String, List<String>> groups,
    List<String> protectedBranches,
    List<PolicyRule> rules) {

  public PolicyBundle {
    Objects.requireNonNull(declaredKind, "declaredKind");
    Objects.requireNonNull(kind, "kind");
    groups = copyGroups(groups);
    protectedBranches = List.copyOf(protectedBranches);
    rules = List.copyOf(rules);
  }

  /**
   * A version-1 bundle without a declared kind; the kind is inferred from the actions (server iff
   * some action is server-scoped). Validate it with {@link PolicyBundles#validate}.
   */
  public static PolicyBundle of(
      Map<String, List<String>> groups, List<String> protectedBranches, List<PolicyRule> rules) {
    return new PolicyBundle(
        1, Optional.empty(), inferKind(rules), groups, protectedBranches, rules);
  }

  /** Server if any rule uses a server-scoped action, otherwise graph. */
  static BindingKind inferKind(List<PolicyRule> rules) {
    boolean server = rules.stream().anyMatch(PolicyRule::hasServerAction);
    return server ? BindingKind.SERVER : BindingKind.GRAPH;
  }

  /** The same bundle with another effective kind. */
  PolicyBundle withKind(BindingKind newKind) {
    return new PolicyBundle(version, declaredKind, newKind, groups, protectedBranches, rules);
  }

  /** Every actor listed in some group, sorted and without repeats. */
  public SortedSet<String> actors() {
    TreeSet<String> all = new TreeSet<>();
    groups.values().forEach(all::addAll);
    return Collections.unmodifiableSortedSet(all);
  }

  /** The number of distinct actors across groups (for {@code policy valid: … [<n> actors]}). */
  public int actorCount() {
    return actors().size();
  }

  /** The groups {@code actor} belongs to, in file order. */
  public List<String> groupsOf(String actor) {
    List<String> out = new ArrayList<>();
    groups.forEach(
        (name, members) -> {
          if (members.contains(actor)) {
            out.add(name);
          }
        });
    return out;
  }

  private static Map<String, List<String>> copyGroups(Map<String, List<String>> groups) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    groups.forEach((k, v) -> copy.put(Objects.requireNonNull(k), List.copyOf(v)));
    return Collections.unmodifiableMap(copy);
  }
}
