package io.omnigraph.cluster.config;

import io.omnigraph.cluster.Diagnostics;
import io.omnigraph.cluster.config.ClusterConfig.PolicyDecl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** {@code policies.<name>}: file + normalized {@code applies_to} (05 §2.1). */
final class PolicyReader {
  interface IdCheck {
    boolean check(String id, String path, String what);
  }

  private static final Set<String> KEYS = Set.of("file", "applies_to");
  private final Diagnostics out;
  private final IdCheck ids;

  PolicyReader(Diagnostics out, IdCheck ids) {
    this.out = out;
    this.ids = ids;
  }

  Map<String, PolicyDecl> read(YNode.Mapping m, Set<String> graphIds) {
    Map<String, PolicyDecl> result = new LinkedHashMap<>();
    for (var e : m.entries().entrySet()) {
      String path = "policies." + e.getKey();
      if (!ids.check(e.getKey(), path, "policy name")) {
        continue;
      }
      PolicyDecl p = one(e.getKey(), e.getValue(), path, graphIds);
      if (p != null) {
        result.put(p.name(), p);
      }
    }
    duplicates(result);
    return result;
  }

  private PolicyDecl one(String name, YNode v, String path, Set<String> graphIds) {
    if (!(v instanceof YNode.Mapping m)) {
      out.error(
          "invalid_cluster_yaml", path, "a policy must be a mapping with file and applies_to");
      return null;
    }
    for (String k : m.entries().keySet()) {
      if (!KEYS.contains(k)) {
        out.error("invalid_cluster_yaml", path + "." + k, ConfigReader.unknown(k, KEYS));
      }
    }
    YNode f = m.entries().get("file");
    String file =
        f instanceof YNode.Scalar s && s.kind() == YNode.Scalar.Kind.STRING && !s.text().isBlank()
            ? s.text()
            : null;
    if (file == null) {
      out.error(
          "invalid_cluster_yaml",
          path + ".file",
          "policy '" + name + "' needs `file: <bundle.yaml>`");
    }
    List<String> bindings = bindings(m.entries().get("applies_to"), path + ".applies_to", graphIds);
    return file == null || bindings == null ? null : new PolicyDecl(name, file, bindings);
  }

  private List<String> bindings(YNode v, String path, Set<String> graphIds) {
    List<String> raw = v == null ? List.of() : ConfigReader.strings(v);
    if (raw == null) {
      out.error(
          "invalid_cluster_yaml", path, "applies_to must be a list of graph ids or `cluster`");
      return null;
    }
    if (raw.isEmpty()) {
      out.error(
          "policy_missing_applies_to",
          path,
          "applies_to must name at least one graph (or `cluster` for a server-level bundle)");
      return null;
    }
    TreeSet<String> normalized = new TreeSet<>();
    boolean ok = true;
    for (String entry : raw) {
      String b = normalize(entry, path, graphIds);
      if (b == null) {
        ok = false;
      } else {
        normalized.add(b);
      }
    }
    if (ok && normalized.contains("cluster") && normalized.size() > 1) {
      out.error(
          "policy_mixed_binding_kinds",
          path,
          "a bundle binds either `cluster` or graphs, not both; split it into two bundles");
      return null;
    }
    return ok ? new ArrayList<>(normalized) : null;
  }

  private String normalize(String entry, String path, Set<String> graphIds) {
    if (entry.equals("cluster")) {
      return "cluster";
    }
    String id = entry.startsWith("graph.") ? entry.substring(6) : entry;
    if (id.contains(".")) {
      out.error(
          "wrong_kind_reference",
          path,
          "'" + entry + "' is not a graph reference; write <graph id>, graph.<id> or cluster");
      return null;
    }
    if (!graphIds.contains(id)) {
      out.error(
          "dangling_graph_reference",
          path,
          "applies_to names graph '" + id + "', which is not declared under graphs");
      return null;
    }
    return "graph." + id;
  }

  private void duplicates(Map<String, PolicyDecl> policies) {
    Map<String, List<String>> byScope = new TreeMap<>();
    policies
        .values()
        .forEach(
            p ->
                p.bindings()
                    .forEach(
                        b -> byScope.computeIfAbsent(b, k -> new ArrayList<>()).add(p.name())));
    byScope.forEach(
        (scope, names) -> {
          if (names.size() > 1) {
            out.error(
                "duplicate_policy_binding",
                "policies." + names.get(1) + ".applies_to",
                "scope "
                    + scope
                    + " is bound by several bundles ("
                    + String.join(", ", names)
                    + "); merge their rules into one bundle");
          }
        });
  }
}
