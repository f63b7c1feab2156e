package io.omnigraph.server.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.compiler.query.descriptor.OperationDescriptor;
import io.omnigraph.compiler.query.ir.CompiledQuery;

/** A stored query of a served graph, type-checked against the live schema at boot. */
public record StoredQuery(String name, CompiledQuery query) {
  /** The catalog entry of 06 §6: {@code {name, tool_name, description?, instruction?, …}}. */
  public ObjectNode catalogEntry() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("name", name);
    o.put("tool_name", name);
    if (query.description() != null) {
      o.put("description", query.description());
    }
    if (query.instruction() != null) {
      o.put("instruction", query.instruction());
    }
    o.put("mutation", query.isMutation());
    o.set("params", OperationDescriptor.params(query));
    return o;
  }
}
