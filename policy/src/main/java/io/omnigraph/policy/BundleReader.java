package io.omnigraph.policy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns a YAML tree into an unvalidated {@link PolicyBundle}, collecting parse errors. */
final class BundleReader {
  static final List<String> TOP_KEYS =
      List.of("version", "kind", "groups", "protected_branches", "rules");
  static final List<String> RULE_KEYS = List.of("id", "allow");
  static final List<String> ALLOW_KEYS =
      List.of("actors", "actions", "branch_scope", "target_branch_scope");
  static final List<String> ACTOR_KEYS = List.of("group");
  private static final String SCOPES = "any, protected, unprotected";

  private final StrictReader in;

  BundleReader(StrictReader in) {
    this.in = in;
  }

  /** The bundle, or empty when the root is not a mapping. Check {@code in.errors()} too. */
  Optional<PolicyBundle> read(YamlNode root) {
    return in.mapping(root, "", TOP_KEYS).map(this::bundle);
  }

  private PolicyBundle bundle(YamlNode.Mapping top) {
    int version = in.required(top, "", "version").map(v -> version(v)).orElse(1);
    Optional<BindingKind> kind =
        in.optional(top, "kind")
            .flatMap(
                k ->
                    in.choice(
                        k,
                        "kind",
                        PolicyErrorCode.UNKNOWN_KIND,
                        "policy kind",
                        BindingKind::fromWire,
                        "graph, server"));
    Map<String, List<String>> groups =
        in.optional(top, "groups").map(this::groups).orElse(Map.of());
    List<String> branches =
        in.optional(top, "protected_branches")
            .flatMap(b -> in.strings(b, "protected_branches"))
            .orElse(List.of());
    List<PolicyRule> rules = in.optional(top, "rules").map(this::rules).orElse(List.of());
    BindingKind effective = kind.orElseGet(() -> PolicyBundle.inferKind(rules));
    return new PolicyBundle(version, kind, effective, groups, branches, rules);
  }

  /** The integer version; anything else reads as 0 so that validation reports it. */
  private int version(YamlNode node) {
    in.locations().put("version", node.pos());
    if (node instanceof YamlNode.Scalar s && s.intValue() != null) {
      BigInteger v = s.intValue();
      return v.bitLength() < 32 ? v.intValue() : 0;
    }
    return 0;
  }

  private Map<String, List<String>> groups(YamlNode node) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    in.anyMapping(node, "groups")
        .ifPresent(
            m -> {
              for (YamlNode.Field f : m.fields()) {
                String path = "groups." + f.key();
                in.locations().put(path, f.keyPos());
                List<String> members =
                    StrictReader.isNull(f.value())
                        ? List.of()
                        : in.strings(f.value(), path).orElse(List.of());
                out.put(f.key(), members);
              }
            });
    return out;
  }

  private List<PolicyRule> rules(YamlNode node) {
    List<YamlNode> items = in.sequence(node, "rules").orElse(List.of());
    List<PolicyRule> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      rule(items.get(i), "rules[" + i + "]").ifPresent(out::add);
    }
    return out;
  }

  private Optional<PolicyRule> rule(YamlNode node, String path) {
    Optional<YamlNode.Mapping> m = in.mapping(node, path, RULE_KEYS);
    if (m.isEmpty()) {
      return Optional.empty();
    }
    String id = in.required(m.get(), path, "id").flatMap(v -> in.text(v, path + ".id")).orElse("");
    String allowPath = path + ".allow";
    Optional<YamlNode.Mapping> allow =
        in.required(m.get(), path, "allow").flatMap(a -> in.mapping(a, allowPath, ALLOW_KEYS));
    return allow.map(a -> allow(id, a, allowPath));
  }

  private PolicyRule allow(String id, YamlNode.Mapping allow, String path) {
    String actorsPath = path + ".actors";
    String group =
        in.required(allow, path, "actors")
            .flatMap(a -> in.mapping(a, actorsPath, ACTOR_KEYS))
            .flatMap(a -> in.required(a, actorsPath, "group"))
            .flatMap(g -> in.text(g, actorsPath + ".group"))
            .orElse("");
    List<PolicyAction> actions =
        in.required(allow, path, "actions")
            .map(a -> actions(a, path + ".actions"))
            .orElse(List.of());
    Optional<Scope> branch = scope(allow, path, ScopeKey.BRANCH_SCOPE);
    Optional<Scope> target = scope(allow, path, ScopeKey.TARGET_BRANCH_SCOPE);
    return new PolicyRule(id, group, actions, branch, target);
  }

  private List<PolicyAction> actions(YamlNode node, String path) {
    List<YamlNode> items = in.sequence(node, path).orElse(List.of());
    List<PolicyAction> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      action(items.get(i), path + "[" + i + "]", in).ifPresent(out::add);
    }
    return out;
  }

  /** One action name; shared with the test-file reader. */
  static Optional<PolicyAction> action(YamlNode node, String path, StrictReader in) {
    return in.choice(
        node,
        path,
        PolicyErrorCode.UNKNOWN_ACTION,
        "action",
        PolicyAction::fromWire,
        PolicyAction.wireNames());
  }

  private Optional<Scope> scope(YamlNode.Mapping allow, String path, ScopeKey key) {
    String scopePath = path + "." + key.wire();
    return in.optional(allow, key.wire())
        .flatMap(
            s ->
                in.choice(
                    s,
                    scopePath,
                    PolicyErrorCode.UNKNOWN_SCOPE,
                    key.wire(),
                    Scope::fromWire,
                    SCOPES));
  }
}
