package io.omnigraph.compiler.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A reusable property set; has no dataset. */
public record InterfaceType(String name, Map<String, Property> properties) implements SchemaType {
  public InterfaceType {
    properties = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(properties));
  }

  @Override
  public TypeKind kind() {
    return TypeKind.INTERFACE;
  }

  @Override
  public List<Annotation> annotations() {
    return List.of();
  }

  @Override
  public String renameFrom() {
    return null;
  }
}
