package io.omnigraph.compiler.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node type: one dataset with a physical {@code id} column plus its properties.
 *
 * @param name type name
 * @param implementsList interfaces in {@code implements} order
 * @param properties properties in declaration order, interface properties expanded
 * @param constraints body constraints in source order
 * @param annotations type-level annotations (metadata and custom)
 * @param renameFrom the {@code @rename_from} argument, or {@code null}
 */
public record NodeType(
    String name,
    List<String> implementsList,
    Map<String, Property> properties,
    List<Constraint> constraints,
    List<Annotation> annotations,
    String renameFrom)
    implements SchemaType {

  public NodeType {
    implementsList = List.copyOf(implementsList);
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    constraints = List.copyOf(constraints);
    annotations = List.copyOf(annotations);
  }

  @Override
  public TypeKind kind() {
    return TypeKind.NODE;
  }

  /**
   * The key properties: the body {@code @key(…)} list if written, else every property marked
   * {@code @key} in declaration order. Empty for unkeyed nodes (ids are generated ULIDs).
   */
  public List<String> keyProperties() {
    for (Constraint c : constraints) {
      if (c.kind() == Constraint.Kind.KEY) {
        return c.properties();
      }
    }
    List<String> keys = new ArrayList<>();
    properties.values().forEach(p -> addIf(keys, p.key(), p.name()));
    return List.copyOf(keys);
  }

  public boolean isKeyed() {
    return !keyProperties().isEmpty();
  }

  /** Every uniqueness group: body {@code @unique(…)} lists and single-property {@code @unique}. */
  public List<List<String>> uniqueGroups() {
    return groups(Constraint.Kind.UNIQUE, properties, constraints);
  }

  /** Every index group: body {@code @index(…)} lists and single-property {@code @index}. */
  public List<List<String>> indexGroups() {
    return groups(Constraint.Kind.INDEX, properties, constraints);
  }

  static List<List<String>> groups(
      Constraint.Kind kind, Map<String, Property> props, List<Constraint> constraints) {
    List<List<String>> out = new ArrayList<>();
    for (Property p : props.values()) {
      boolean flagged = kind == Constraint.Kind.UNIQUE ? p.unique() : p.index();
      if (flagged) {
        out.add(List.of(p.name()));
      }
    }
    for (Constraint c : constraints) {
      if (c.kind() == kind) {
        out.add(c.properties());
      }
    }
    return out;
  }

  private static void addIf(List<String> list, boolean cond, String value) {
    if (cond) {
      list.add(value);
    }
  }
}
