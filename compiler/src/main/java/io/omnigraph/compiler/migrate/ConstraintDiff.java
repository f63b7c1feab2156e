package io.omnigraph.compiler.migrate;

import io.omnigraph.compiler.migrate.MigrationStep.AddConstraint;
import io.omnigraph.compiler.migrate.MigrationStep.UnsupportedChange;
import io.omnigraph.compiler.schema.Constraint;
import io.omnigraph.compiler.schema.EdgeType;
import io.omnigraph.compiler.schema.NodeType;
import io.omnigraph.compiler.schema.TypeKind;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Compares the constraints of one matched type by meaning: a property-level {@code @index} and a
 * body {@code @index(p)} are the same constraint, so moving one to the other is no change. Accepted
 * constraints are read through property renames. Adding an index is an {@code add_constraint};
 * changing the key, adding any other constraint, or removing one is unsupported — except that a
 * constraint whose properties are all dropped goes with them.
 */
final class ConstraintDiff {
  private ConstraintDiff() {}

  static void node(NodeType a, NodeType d, PropertyChanges changes, List<MigrationStep> out) {
    key(a, d, changes, out);
    diff(
        TypeKind.NODE,
        d.name(),
        renamed(normalized(a.uniqueGroups(), a.indexGroups(), a.constraints()), changes),
        normalized(d.uniqueGroups(), d.indexGroups(), d.constraints()),
        changes,
        out);
  }

  static void edge(EdgeType a, EdgeType d, PropertyChanges changes, List<MigrationStep> out) {
    diff(
        TypeKind.EDGE,
        d.name(),
        renamed(normalized(a.uniqueGroups(), a.indexGroups(), a.constraints()), changes),
        normalized(d.uniqueGroups(), d.indexGroups(), d.constraints()),
        changes,
        out);
  }

  private static void key(
      NodeType a, NodeType d, PropertyChanges changes, List<MigrationStep> out) {
    List<String> before = changes.rename(a.keyProperties());
    List<String> after = d.keyProperties();
    if (!before.equals(after)) {
      out.add(
          new UnsupportedChange(
              MigrationStep.entity(TypeKind.NODE, d.name()),
              "changing the key from "
                  + group(before)
                  + " to "
                  + group(after)
                  + " is not supported: the key is the node's identity; keep the previous key",
              null));
    }
  }

  private static void diff(
      TypeKind kind,
      String type,
      Set<Constraint> accepted,
      Set<Constraint> desired,
      PropertyChanges changes,
      List<MigrationStep> out) {
    for (Constraint c : accepted) {
      if (!desired.contains(c) && !changes.dropped().containsAll(c.properties())) {
        out.add(
            new UnsupportedChange(
                entity(kind, type, c),
                "removing " + c.render() + " is not supported; keep the constraint",
                null));
      }
    }
    for (Constraint c : desired) {
      if (accepted.contains(c)) {
        continue;
      }
      out.add(
          c.kind() == Constraint.Kind.INDEX
              ? new AddConstraint(kind, type, c)
              : new UnsupportedChange(
                  entity(kind, type, c),
                  "adding "
                      + c.render()
                      + " is not supported: existing data may violate it; only @index can be added",
                  null));
    }
  }

  /** Unique groups, index groups and body range/check constraints, all in body form. */
  private static Set<Constraint> normalized(
      List<List<String>> unique, List<List<String>> index, List<Constraint> body) {
    Set<Constraint> out = new LinkedHashSet<>();
    unique.forEach(g -> out.add(Constraint.of(Constraint.Kind.UNIQUE, g)));
    index.forEach(g -> out.add(Constraint.of(Constraint.Kind.INDEX, g)));
    body.stream()
        .filter(c -> c.kind() == Constraint.Kind.RANGE || c.kind() == Constraint.Kind.CHECK)
        .forEach(out::add);
    return out;
  }

  /** Accepted constraints with their property names replaced by the desired names. */
  private static Set<Constraint> renamed(Set<Constraint> accepted, PropertyChanges changes) {
    Set<Constraint> out = new LinkedHashSet<>();
    accepted.forEach(c -> out.add(changes.rename(c)));
    return out;
  }

  /** A one-property constraint is reported on that property, any other on the type. */
  private static String entity(TypeKind kind, String type, Constraint c) {
    return c.properties().size() == 1
        ? MigrationStep.entity(kind, type, c.properties().get(0))
        : MigrationStep.entity(kind, type);
  }

  private static String group(List<String> key) {
    return key.isEmpty() ? "none" : "(" + String.join(", ", key) + ")";
  }
}
