package io.omnigraph.engine.load;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;

/**
 * Tree nodes for scalar JSON tokens, of the types {@code ObjectMapper.readTree} gives: int, long or
 * big-integer nodes by size, double nodes for fractions. Shared by the readers that build trees
 * straight from a streaming parser (load records, server request bodies).
 */
public final class JsonScalars {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonScalars() {}

  /** The node of the scalar token {@code t} the parser is on, or {@code null} for any other. */
  public static JsonNode node(JsonParser p, JsonToken t) throws IOException {
    return switch (t) {
      case VALUE_STRING -> NODES.textNode(p.getText());
      case VALUE_NUMBER_INT -> integer(p);
      case VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDoubleValue());
      case VALUE_TRUE -> NODES.booleanNode(true);
      case VALUE_FALSE -> NODES.booleanNode(false);
      case VALUE_NULL -> NODES.nullNode();
      default -> null;
    };
  }

  private static JsonNode integer(JsonParser p) throws IOException {
    return switch (p.getNumberType()) {
      case INT -> NODES.numberNode(p.getIntValue());
      case LONG -> NODES.numberNode(p.getLongValue());
      default -> NODES.numberNode(p.getBigIntegerValue());
    };
  }
}
