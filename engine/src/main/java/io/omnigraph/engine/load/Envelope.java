package io.omnigraph.engine.load;

import com.fasterxml.jackson.databind.JsonNode;
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

  Members data();

  /** {@code {"type": name, "data": {…}}}. */
  record NodeRecord(String type, Members data) implements Envelope {}

  /** {@code {"edge": name, "from": id, "to": id, "data": {…}}}. */
  record EdgeRecord(String edge, String from, String to, Members data) implements Envelope {}

  static Envelope parse(Members root, long line) {
    Object type = null;
    Object edge = null;
    Object from = null;
    Object to = null;
    Object data = null;
    String other = null;
    for (int i = 0; i < root.size(); i++) {
      Object v = root.value(i);
      switch (root.name(i)) {
        case "type" -> type = v;
        case "edge" -> edge = v;
        case "from" -> from = v;
        case "to" -> to = v;
        case "data" -> data = v;
        default -> other = other == null ? root.name(i) : other;
      }
    }
    boolean node = type != null;
    if (node == (edge != null)) {
      throw bad(line, "graph batch record must contain exactly one of 'type' or 'edge'");
    }
    if (other != null || (node && (from != null || to != null))) {
      rejectFirstUnexpectedKey(root, node, line);
    }
    if (node) {
      String name = text(type, "type", "a node type name, as in \"Person\"", line);
      return new NodeRecord(name, data(data, line));
    }
    String name = text(edge, "edge", "an edge type name, as in \"Knows\"", line);
    return new EdgeRecord(
        name, endpoint(from, "from", line), endpoint(to, "to", line), data(data, line));
  }

  /** Reports the first key (in input order) a record of this kind may not have. */
  private static void rejectFirstUnexpectedKey(Members root, boolean node, long line) {
    for (int i = 0; i < root.size(); i++) {
      String k = root.name(i);
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

  private static Members data(Object d, long line) {
    if (d == null) {
      return Members.EMPTY;
    }
    if (d instanceof Members m) {
      return m;
    }
    throw bad(
        line,
        "'data' must be a JSON object of property values (or be left out), got "
            + describe((JsonNode) d));
  }

  private static String text(Object value, String key, String what, long line) {
    JsonNode v = (JsonNode) value;
    if (!v.isTextual() || v.textValue().isEmpty()) {
      throw bad(line, "'" + key + "' must be " + what + ", got " + describe(v));
    }
    return v.textValue();
  }

  private static String endpoint(Object value, String key, long line) {
    JsonNode v = (JsonNode) value;
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
