package io.omnigraph.compiler.schema;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What interfaces, node types and edge types have in common. */
public sealed interface SchemaType permits InterfaceType, NodeType, EdgeType {
  String name();

  TypeKind kind();

  /** Properties in declaration order (interface properties first, in {@code implements} order). */
  Map<String, Property> properties();

  List<Annotation> annotations();

  /** The {@code @rename_from} argument, or {@code null}. */
  String renameFrom();

  default Optional<Property> property(String name) {
    return Optional.ofNullable(properties().get(name));
  }

  default Optional<Annotation> annotation(String name) {
    return annotations().stream().filter(a -> a.name().equals(name)).findFirst();
  }

  default Optional<String> description() {
    return annotation(Annotation.DESCRIPTION).flatMap(Annotation::stringValue);
  }

  default Optional<String> instruction() {
    return annotation(Annotation.INSTRUCTION).flatMap(Annotation::stringValue);
  }

  /** {@code node:Person}, {@code edge:Knows}: the key of the type's dataset. */
  default String typeKey() {
    return kind().wire() + ":" + name();
  }
}
