package io.omnigraph.server.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small builder of JSON Schema fragments (OpenAPI 3.1 dialect) that route definitions use to
 * declare their request and response shapes; {@link OpenApi} emits them. Properties are declared
 * optional ({@link #opt}) or required ({@link #req}); objects are closed unless {@link #open}.
 */
public final class Schema {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private final Map<String, ObjectNode> props = new LinkedHashMap<>();
  private final Map<String, Boolean> required = new LinkedHashMap<>();
  private boolean open;
  private String description;

  private Schema() {}

  /** A JSON object schema to fill with {@link #req}/{@link #opt}. */
  public static Schema object() {
    return new Schema();
  }

  public static ObjectNode str() {
    return F.objectNode().put("type", "string");
  }

  public static ObjectNode str(String description) {
    return str().put("description", description);
  }

  public static ObjectNode nullableStr() {
    ObjectNode o = F.objectNode();
    o.putArray("type").add("string").add("null");
    return o;
  }

  public static ObjectNode integer() {
    return F.objectNode().put("type", "integer");
  }

  public static ObjectNode bool() {
    return F.objectNode().put("type", "boolean");
  }

  public static ObjectNode number() {
    return F.objectNode().put("type", "number");
  }

  /** Any JSON value (query results, parameters). */
  public static ObjectNode any(String description) {
    return F.objectNode().put("description", description);
  }

  public static ObjectNode anyObject(String description) {
    return F.objectNode().put("type", "object").put("description", description);
  }

  public static ObjectNode array(ObjectNode items) {
    ObjectNode o = F.objectNode().put("type", "array");
    o.set("items", items);
    return o;
  }

  public static ObjectNode oneOf(String... values) {
    ObjectNode o = str();
    var e = o.putArray("enum");
    for (String v : values) {
      e.add(v);
    }
    return o;
  }

  /** A reference to a shared component schema. */
  public static ObjectNode ref(String component) {
    return F.objectNode().put("$ref", "#/components/schemas/" + component);
  }

  public Schema req(String name, ObjectNode schema) {
    props.put(name, schema);
    required.put(name, true);
    return this;
  }

  public Schema opt(String name, ObjectNode schema) {
    props.put(name, schema);
    return this;
  }

  /** Members beyond the declared ones may appear. */
  public Schema open() {
    this.open = true;
    return this;
  }

  public Schema describe(String d) {
    this.description = d;
    return this;
  }

  /** The JSON Schema object. */
  public ObjectNode json() {
    ObjectNode o = F.objectNode().put("type", "object");
    if (description != null) {
      o.put("description", description);
    }
    ObjectNode p = o.putObject("properties");
    props.forEach(p::set);
    if (!required.isEmpty()) {
      var r = o.putArray("required");
      required.keySet().forEach(r::add);
    }
    o.put("additionalProperties", open);
    return o;
  }
}
