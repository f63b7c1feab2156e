package io.omnigraph.engine.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Set;

/**
 * The envelope rules of 04 §2: a node record is {@code {type, data}}, an edge record {@code {edge,
 * from, to, data}}; exactly one of {@code type}/{@code edge}; {@code data} an object or omitted;
 * physical fields ({@code id}, {@code src}, {@code dst}, storage system columns) never at the top
 * level.
 */
sealed interface Envelope {
  /** Storage system columns (02 §5); never writable. */
  Set<String> SYSTEM_COLUMNS =
      Set.of(
          "_rowid",
          "_rowaddr",
          "_rowoffset",
          "_row_created_at_version",
          "_row_last_updated_at_version");

  ObjectNode data();

  /** {@code {"type": name, "data": {…}}}. */
  record NodeRecord(String type, ObjectNode data) implements Envelope {}

  /** {@code {"edge": name, "from": id, "to": id, "data": {…}}}. */
  record EdgeRecord(String edge, String from, String to, ObjectNode data) implements Envelope {}

  static Envelope parse(ObjectNode root, long line) {
    boolean node = root.has("type");
    if (node == root.has("edge")) {
      throw bad(line, "graph batch record must contain exactly one of 'type' or 'edge'");
    }
    checkKeys(root, node, line);
    ObjectNode data = data(root.get("data"), line);
    if (node) {
      return new NodeRecord(text(root, "type", "a node type name, as in \"Person\"", line), data);
    }
    return new EdgeRecord(
        text(root, "edge", "an edge type name, as in \"Knows\"", line),
        endpoint(root, "from", line),
        endpoint(root, "to", line),
        data);
  }

  private static void checkKeys(ObjectNode root, boolean node, long line) {
    Iterator<String> names = root.fieldNames();
    while (names.hasNext()) {
      String k = names.next();
      boolean ok =
          node
              ? k.equals("type") || k.equals("data")
              : k.equals("edge") || k.equals("from") || k.equals("to") || k.equals("data");
      if (!ok) {
        throw bad(line, unexpectedKey(k, node));
      }
    }
  }

  private static String unexpectedKey(String k, boolean node) {
    String kind = node ? "a node record has only 'type' and 'data'" : edgeKeys();
    if (k.equals("id")) {
      return "'id' is a physical field and may not appear at the top level; write it as data.id";
    }
    if (k.equals("src") || k.equals("dst")) {
      return "'"
          + k
          + "' is a physical edge column and may not appear in a record; "
          + (node ? kind : "give the endpoints as 'from' and 'to'");
    }
    if (SYSTEM_COLUMNS.contains(k)) {
      return "'" + k + "' is a storage system column and cannot be written; remove it";
    }
    if (node && (k.equals("from") || k.equals("to"))) {
      return "'" + k + "' belongs to edge records ({\"edge\":…}); " + kind;
    }
    return "unknown key '" + k + "'; " + kind;
  }

  private static String edgeKeys() {
    return "an edge record has only 'edge', 'from', 'to' and 'data'";
  }

  private static ObjectNode data(JsonNode d, long line) {
    if (d == null) {
      return JsonNodeFactory.instance.objectNode();
    }
    if (!d.isObject()) {
      throw bad(
          line,
          "'data' must be a JSON object of property values (or be left out), got " + describe(d));
    }
    return (ObjectNode) d;
  }

  private static String text(ObjectNode root, String key, String what, long line) {
    JsonNode v = root.get(key);
    if (!v.isTextual() || v.textValue().isEmpty()) {
      throw bad(line, "'" + key + "' must be " + what + ", got " + describe(v));
    }
    return v.textValue();
  }

  private static String endpoint(ObjectNode root, String key, long line) {
    JsonNode v = root.get(key);
    if (v == null) {
      throw bad(
          line,
          "an edge record needs '"
              + key
              + "': the id of its "
              + (key.equals("from") ? "source" : "target")
              + " node");
    }
    if (!v.isTextual() || v.textValue().isEmpty()) {
      String hint = v.isNumber() ? " (write the id as a string: \"" + v.asText() + "\")" : "";
      throw bad(line, "'" + key + "' must be a node id string, got " + describe(v) + hint);
    }
    return v.textValue();
  }

  static String describe(JsonNode v) {
    return switch (v.getNodeType()) {
      case STRING -> v.textValue().isEmpty() ? "an empty string" : "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case ARRAY -> "a list";
      case OBJECT -> "an object";
      case NULL -> "null";
      default -> "something else";
    };
  }

  private static LoadException bad(long line, String message) {
    return new LoadException(LoadCode.BAD_RECORD, line, message);
  }
}
