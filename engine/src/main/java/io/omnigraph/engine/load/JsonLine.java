package io.omnigraph.engine.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Parses one graph-batch line into a Jackson tree, strictly: exactly one JSON object, no comments,
 * NaN or trailing tokens, and no repeated member name in any object (the check Jackson's {@code
 * STRICT_DUPLICATE_DETECTION} makes, done here so the error can name the member's path). It counts
 * <em>structural slots</em> — every JSON token: each object/array start and end, member name and
 * scalar — and stops with {@code resource_limit/graph_batch_json_structural_slots} past the limit.
 * Jackson problems never escape: they become {@code bad_record} errors.
 */
final class JsonLine {
  static final String SLOT_RESOURCE = "graph_batch_json_structural_slots";

  /** Records need depth 3 ({@code data} → list); anything this deep is rejected unbuilt. */
  static final int MAX_DEPTH = 64;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Factories are costly to build and thread-safe to share: one for the standard limit. */
  private static final JsonFactory STANDARD = factory(GraphBatchReader.MAX_LINE_BYTES);

  private final JsonFactory factory;
  private final int maxSlots;
  private long line;
  private int slots;

  JsonLine(int maxLineBytes, int maxSlots) {
    this.maxSlots = maxSlots;
    this.factory =
        maxLineBytes == GraphBatchReader.MAX_LINE_BYTES ? STANDARD : factory(maxLineBytes);
  }

  private static JsonFactory factory(int maxLineBytes) {
    return new JsonFactoryBuilder()
        .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
        .streamReadConstraints(
            StreamReadConstraints.builder()
                .maxStringLength(maxLineBytes)
                .maxDocumentLength(maxLineBytes)
                .maxNestingDepth(MAX_DEPTH)
                .build())
        .build();
  }

  /** The record object on a line of UTF-8 bytes; its {@code data} object is nested Members. */
  Members parse(byte[] buf, int off, int len, long lineNumber) {
    this.line = lineNumber;
    this.slots = 0;
    try (JsonParser p = factory.createParser(buf, off, len)) {
      JsonToken first = next(p);
      if (first != JsonToken.START_OBJECT) {
        throw notAnObject(first);
      }
      Members root = members(p, "");
      JsonToken trailing = p.nextToken();
      if (trailing != null) {
        throw new LoadException(
            LoadCode.BAD_RECORD,
            line,
            "unexpected content after the JSON object; write exactly one JSON object per line");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw syntax(e);
    } catch (IOException e) {
      throw new LoadException(LoadCode.BAD_RECORD, line, "unreadable JSON: " + e.getMessage());
    }
  }

  private JsonToken next(JsonParser p) throws IOException {
    JsonToken t = p.nextToken();
    if (t != null && ++slots > maxSlots) {
      throw overSlots(p);
    }
    return t;
  }

  /** The record object ({@code path} "") or its {@code data} object ({@code path} "data"). */
  private Members members(JsonParser p, String path) throws IOException {
    Members m = new Members();
    JsonToken t;
    while ((t = next(p)) == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken first = next(p);
      Object value =
          path.isEmpty() && first == JsonToken.START_OBJECT && name.equals("data")
              ? members(p, name)
              : value(p, first, path.isEmpty() ? name : path + "." + name);
      if (!m.add(name, value)) {
        throw duplicate(name, path);
      }
    }
    expectEnd(t, JsonToken.END_OBJECT);
    return m;
  }

  private ObjectNode object(JsonParser p, String path) throws IOException {
    ObjectNode o = NODES.objectNode();
    JsonToken t;
    while ((t = next(p)) == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonNode value = value(p, next(p), path.isEmpty() ? name : path + "." + name);
      if (o.replace(name, value) != null) {
        throw duplicate(name, path);
      }
    }
    expectEnd(t, JsonToken.END_OBJECT);
    return o;
  }

  private ArrayNode array(JsonParser p, String path) throws IOException {
    ArrayNode a = NODES.arrayNode();
    JsonToken t;
    while ((t = next(p)) != JsonToken.END_ARRAY && t != null) {
      a.add(value(p, t, path + "[" + a.size() + "]"));
    }
    expectEnd(t, JsonToken.END_ARRAY);
    return a;
  }

  private void expectEnd(JsonToken t, JsonToken end) {
    if (t != end) {
      throw new LoadException(
          LoadCode.BAD_RECORD, line, "the JSON ends early; write the whole object on one line");
    }
  }

  private JsonNode value(JsonParser p, JsonToken t, String path) throws IOException {
    if (t == null) {
      expectEnd(null, JsonToken.END_OBJECT);
    }
    if (t == JsonToken.START_OBJECT) {
      return object(p, path);
    }
    if (t == JsonToken.START_ARRAY) {
      return array(p, path);
    }
    JsonNode scalar = JsonScalars.node(p, t);
    if (scalar == null) {
      throw new LoadException(LoadCode.BAD_RECORD, line, "unexpected JSON token " + t);
    }
    return scalar;
  }

  private LoadException duplicate(String name, String path) {
    String where = path.isEmpty() ? "the record" : "'" + path + "'";
    return new LoadException(
        LoadCode.DUPLICATE_MEMBER,
        line,
        "member '" + name + "' appears twice in " + where + "; give each member once");
  }

  private LoadException notAnObject(JsonToken first) {
    String got =
        switch (first) {
          case START_ARRAY -> "a JSON array";
          case VALUE_STRING -> "a JSON string";
          case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a JSON number";
          case VALUE_TRUE, VALUE_FALSE -> "a JSON boolean";
          case VALUE_NULL -> "null";
          default -> "something else";
        };
    return new LoadException(
        LoadCode.BAD_RECORD,
        line,
        "expected a JSON object like {\"type\":…,\"data\":{…}} or {\"edge\":…}, got " + got);
  }

  private LoadException syntax(JsonProcessingException e) {
    long column = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
    String where = column > 0 ? " at column " + column : "";
    return new LoadException(
        LoadCode.BAD_RECORD,
        line,
        "invalid JSON"
            + where
            + ": "
            + e.getOriginalMessage()
            + "; each line must be one complete JSON object");
  }

  /** Counts the rest of the line's tokens (for the error's {@code actual}) and builds the error. */
  private LoadException overSlots(JsonParser p) {
    long total = slots;
    try {
      while (p.nextToken() != null) {
        total++;
      }
    } catch (IOException e) {
      // the count so far is what we can report
    }
    return LoadException.resourceLimit(
        line,
        SLOT_RESOURCE,
        maxSlots,
        total,
        "the record has "
            + total
            + " JSON structural slots (tokens), over the limit of "
            + maxSlots
            + " per line; split it into smaller records");
  }
}
