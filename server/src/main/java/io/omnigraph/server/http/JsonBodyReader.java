package io.omnigraph.server.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.engine.load.JsonScalars;
import java.io.IOException;

/**
 * Reads a request body into a JSON tree straight from the streaming parser, with the node types
 * {@code ObjectMapper.readTree} gives ({@link JsonScalars}). The mapper's tree reader builds a
 * deserialization context per call, which costs more than parsing a small invocation body. The
 * factory's parser features apply (duplicate member names and over-deep nesting are parse errors);
 * content after the value is an error too.
 */
final class JsonBodyReader {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonBodyReader() {}

  /** The value of {@code body}, or {@code null} when it holds none. */
  static JsonNode read(JsonFactory factory, byte[] body) throws IOException {
    try (JsonParser p = factory.createParser(body)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        return null;
      }
      JsonNode value = value(p, t);
      if (p.nextToken() != null) {
        throw new JsonParseException(p, "unexpected content after the JSON value");
      }
      return value;
    }
  }

  private static JsonNode value(JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.START_OBJECT) {
      return object(p);
    }
    if (t == JsonToken.START_ARRAY) {
      return array(p);
    }
    JsonNode scalar = JsonScalars.node(p, t);
    if (scalar == null) {
      throw new JsonParseException(p, "unexpected token " + t);
    }
    return scalar;
  }

  private static ObjectNode object(JsonParser p) throws IOException {
    ObjectNode o = NODES.objectNode();
    for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
      o.set(name, value(p, p.nextToken()));
    }
    return o;
  }

  private static ArrayNode array(JsonParser p) throws IOException {
    ArrayNode a = NODES.arrayNode();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      a.add(value(p, t));
    }
    return a;
  }
}
