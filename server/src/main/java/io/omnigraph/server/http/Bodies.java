package io.omnigraph.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Typed access to request-body fields; every mismatch is a 400 naming the field. */
public final class Bodies {
  private Bodies() {}

  /** Rejects members not in {@code allowed}. */
  public static void only(ObjectNode body, Set<String> allowed) {
    List<String> unknown = new ArrayList<>();
    body.fieldNames()
        .forEachRemaining(
            f -> {
              if (!allowed.contains(f)) {
                unknown.add(f);
              }
            });
    if (!unknown.isEmpty()) {
      throw ApiError.badRequest(
          "unknown field(s) " + unknown + " in the request body; allowed: " + allowed);
    }
  }

  /** An optional string member (absent or null → {@code null}). */
  public static String string(ObjectNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isTextual()) {
      throw ApiError.badRequest("field '" + field + "' must be a string");
    }
    return n.asText();
  }

  /** A required string member. */
  public static String requiredString(ObjectNode body, String field) {
    String s = string(body, field);
    if (s == null || s.isEmpty()) {
      throw ApiError.badRequest("field '" + field + "' is required (a non-empty string)");
    }
    return s;
  }

  /** An optional boolean member (absent or null → {@code null}). */
  public static Boolean bool(ObjectNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isBoolean()) {
      throw ApiError.badRequest("field '" + field + "' must be a boolean");
    }
    return n.asBoolean();
  }

  /** An optional object member ({@code params}); absent or null → empty object. */
  public static ObjectNode object(ObjectNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      return body.objectNode();
    }
    if (!n.isObject()) {
      throw ApiError.badRequest("field '" + field + "' must be a JSON object");
    }
    return (ObjectNode) n;
  }

  /** An optional list of strings; absent or null → {@code null}. */
  public static List<String> strings(ObjectNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isArray()) {
      throw ApiError.badRequest("field '" + field + "' must be a list of strings");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode e : n) {
      if (!e.isTextual()) {
        throw ApiError.badRequest("field '" + field + "' must be a list of strings");
      }
      out.add(e.asText());
    }
    return out;
  }
}
