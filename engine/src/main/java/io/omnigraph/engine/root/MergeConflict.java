package io.omnigraph.engine.root;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One merge conflict (04 §4): {@code kind} is one of {@code DivergentInsert}, {@code
 * DivergentUpdate}, {@code DeleteVsUpdate}, {@code OrphanEdge}, {@code UniqueViolation}, {@code
 * CardinalityViolation}, {@code ValueConstraintViolation}; {@code entityId} may be null.
 */
public record MergeConflict(
    String entityKind, String typeName, String entityId, String kind, String message) {

  /** {@code {entity_kind, type_name, entity_id?, kind, message}}. */
  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("entity_kind", entityKind);
    o.put("type_name", typeName);
    if (entityId != null) {
      o.put("entity_id", entityId);
    }
    o.put("kind", kind);
    o.put("message", message);
    return o;
  }
}
