package io.omnigraph.compiler.query.lint;

import io.omnigraph.compiler.diag.Severity;
import io.omnigraph.compiler.query.QueryCode;
import io.omnigraph.compiler.query.ir.CompiledQuery;
import io.omnigraph.compiler.query.ir.MutationOp;
import io.omnigraph.compiler.schema.Catalog;
import io.omnigraph.compiler.schema.NodeType;
import io.omnigraph.compiler.schema.Property;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code L201}: for every node type that some update query touches, each nullable, non-key property
 * that is not the {@code @embed} source of a vector and that no update query sets. Findings come in
 * node-type order of first update, then property declaration order.
 */
final class UnsetPropertyRule {
  private UnsetPropertyRule() {}

  static List<LintFinding> findings(Catalog catalog, List<CompiledQuery> queries) {
    Map<String, Set<String>> updaters = new LinkedHashMap<>();
    Map<String, Set<String>> assigned = new LinkedHashMap<>();
    for (CompiledQuery q : queries) {
      for (MutationOp op : q.mutations()) {
        if (op instanceof MutationOp.Update u) {
          updaters.computeIfAbsent(u.typeName(), k -> new LinkedHashSet<>()).add(q.name());
          Set<String> props = assigned.computeIfAbsent(u.typeName(), k -> new HashSet<>());
          u.values().forEach(a -> props.add(a.property()));
        }
      }
    }
    List<LintFinding> out = new ArrayList<>();
    updaters.forEach(
        (type, names) ->
            catalog.node(type).ifPresent(n -> unset(n, assigned.get(type), names, out)));
    return out;
  }

  private static void unset(NodeType n, Set<String> set, Set<String> names, List<LintFinding> out) {
    Set<String> embedSources = new HashSet<>();
    n.properties().values().stream()
        .filter(p -> p.embed() != null)
        .forEach(p -> embedSources.add(p.embed().source()));
    List<String> keys = n.keyProperties();
    for (Property p : n.properties().values()) {
      boolean candidate =
          p.nullable() && !keys.contains(p.name()) && !embedSources.contains(p.name());
      if (candidate && !set.contains(p.name())) {
        out.add(
            new LintFinding(
                Severity.WARNING,
                QueryCode.UNSET_PROPERTY.code(),
                n.name() + "." + p.name() + " exists in schema but no update query sets it",
                n.name(),
                p.name(),
                List.copyOf(names)));
      }
    }
  }
}
