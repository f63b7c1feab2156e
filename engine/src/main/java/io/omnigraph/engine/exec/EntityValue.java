package io.omnigraph.engine.exec;

import io.omnigraph.compiler.schema.NodeType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A whole node returned by {@code return { $x }}: its type, physical id and properties (declaration
 * order, runtime representation of {@link io.omnigraph.engine.graph.Values}; Blob properties are
 * left out, as Blob values are never returned by reads).
 */
public record EntityValue(NodeType type, String id, Map<String, Object> properties) {
  public EntityValue {
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
  }

  public String typeName() {
    return type.name();
  }
}
