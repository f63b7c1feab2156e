package io.omnigraph.engine.root;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.compiler.schema.Catalog;
import io.omnigraph.compiler.schema.Property;
import java.util.Collection;

/**
 * The identity state written at init ({@code __schema_state.json}): a stable table id and
 * incarnation per type, and a stable id per property (a monotonic counter, assigned in catalog
 * order). Shape: {@code {"format_version":1, "next_table_id", "next_property_id", "tables":
 * {"node:Person": {"table_id", "incarnation", "path", "properties": {"name": 1, …}}}}}. Schema
 * apply (not built yet) is what changes it later.
 */
final class SchemaState {
  private SchemaState() {}

  /** Assigns ids for a fresh graph; the table paths are those {@link GraphInit} creates. */
  static ObjectNode initial(Catalog catalog) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("format_version", 1);
    ObjectNode tables = JsonNodeFactory.instance.objectNode();
    long tableId = 1;
    long propId = 1;
    for (var n : catalog.nodes().values()) {
      propId = table(tables, Manifest.nodeKey(n.name()), true, tableId++, propId, n.properties());
    }
    for (var e : catalog.edges().values()) {
      propId = table(tables, Manifest.edgeKey(e.name()), false, tableId++, propId, e.properties());
    }
    o.put("next_table_id", tableId);
    o.put("next_property_id", propId);
    o.set("tables", tables);
    return o;
  }

  private static long table(
      ObjectNode tables,
      String key,
      boolean node,
      long tableId,
      long propId,
      java.util.Map<String, Property> props) {
    ObjectNode t = tables.putObject(key);
    t.put("table_id", tableId);
    t.put("incarnation", 1);
    t.put("path", RootLayout.tablePath(node, tableId, 1));
    ObjectNode p = t.putObject("properties");
    Collection<Property> values = props.values();
    for (Property prop : values) {
      p.put(prop.name(), propId++);
    }
    return propId;
  }
}
