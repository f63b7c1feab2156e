package io.omnigraph.compiler.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An edge type: one dataset with physical {@code id, src, dst} columns plus its own properties.
 *
 * @param name type name as declared (lookups are case-insensitive)
 * @param from source node type
 * @param to target node type
 * @param cardMin minimum multiplicity ({@code @card}); 0 by default
 * @param cardMax maximum multiplicity, or {@code null} for unbounded
 * @param properties edge properties in declaration order
 * @param constraints body constraints ({@code @unique}, {@code @index}) in source order
 * @param annotations header annotations (metadata and custom)
 * @param renameFrom the {@code @rename_from} argument, or {@code null}
 */
public record EdgeType(
    String name,
    String from,
    String to,
    long cardMin,
    Long cardMax,
    Map<String, Property> properties,
    List<Constraint> constraints,
    List<Annotation> annotations,
    String renameFrom)
    implements SchemaType {

  public EdgeType {
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    constraints = List.copyOf(constraints);
    annotations = List.copyOf(annotations);
  }

  @Override
  public TypeKind kind() {
    return TypeKind.EDGE;
  }

  /** Whether source and target are the same node type (undirected traversal is allowed). */
  public boolean symmetric() {
    return from.equals(to);
  }

  public boolean hasExplicitCard() {
    return cardMin != 0 || cardMax != null;
  }

  public String renderCard() {
    return cardMin + ".." + (cardMax == null ? "" : cardMax.toString());
  }

  public List<List<String>> uniqueGroups() {
    return NodeType.groups(Constraint.Kind.UNIQUE, properties, constraints);
  }

  public List<List<String>> indexGroups() {
    return NodeType.groups(Constraint.Kind.INDEX, properties, constraints);
  }
}
