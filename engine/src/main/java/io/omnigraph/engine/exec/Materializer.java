package io.omnigraph.engine.exec;

import io.omnigraph.compiler.schema.Property;
import io.omnigraph.engine.graph.NodeTable;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns execution values into result values: bound nodes become {@link EntityValue}s. */
final class Materializer {
  private Materializer() {}

  static Object value(Object v) {
    return v instanceof NodeRef ref ? entity(ref) : v;
  }

  /** The node's id and every non-Blob property, in declaration order. */
  static EntityValue entity(NodeRef ref) {
    NodeTable t = ref.table();
    Map<String, Object> props = new LinkedHashMap<>();
    for (Property p : t.type().properties().values()) {
      if (!p.type().isBlob()) {
        props.put(p.name(), t.value(ref.row(), p.name()));
      }
    }
    return new EntityValue(t.type(), ref.id(), props);
  }
}
