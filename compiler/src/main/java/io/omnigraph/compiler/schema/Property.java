package io.omnigraph.compiler.schema;

import java.util.List;
import java.util.Optional;

/**
 * A property of an interface, node or edge after catalog construction.
 *
 * @param name property name
 * @param type its type
 * @param key {@code @key} written on the property
 * @param unique {@code @unique} written on the property
 * @param index {@code @index} written on the property
 * @param embed the {@code @embed} link, or {@code null}
 * @param renameFrom the {@code @rename_from} argument, or {@code null}
 * @param annotations other annotations (metadata and custom), in source order
 * @param declaredIn the interface that contributed this property, or {@code null}
 */
public record Property(
    String name,
    PropType type,
    boolean key,
    boolean unique,
    boolean index,
    Embed embed,
    String renameFrom,
    List<Annotation> annotations,
    String declaredIn) {

  public Property {
    annotations = List.copyOf(annotations);
  }

  public boolean nullable() {
    return type.nullable();
  }

  public Optional<String> description() {
    return annotation(Annotation.DESCRIPTION).flatMap(Annotation::stringValue);
  }

  public Optional<Annotation> annotation(String annotationName) {
    return annotations.stream().filter(a -> a.name().equals(annotationName)).findFirst();
  }

  public Property withDeclaredIn(String iface) {
    return new Property(name, type, key, unique, index, embed, renameFrom, annotations, iface);
  }
}
