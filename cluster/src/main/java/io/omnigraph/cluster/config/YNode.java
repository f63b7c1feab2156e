package io.omnigraph.cluster.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A YAML value with the 1-based line where it starts (read by {@link YamlReader}). */
public sealed interface YNode {
  int line();

  /** The value as JSON (canonical input for the desired config digest). */
  JsonNode toJson();

  /** A mapping; keys keep document order (duplicates were reported and dropped). */
  record Mapping(Map<String, YNode> entries, Map<String, Integer> keyLines, int line)
      implements YNode {
    public Mapping {
      entries = new LinkedHashMap<>(entries);
      keyLines = new LinkedHashMap<>(keyLines);
    }

    @Override
    public JsonNode toJson() {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      entries.forEach((k, v) -> o.set(k, v.toJson()));
      return o;
    }
  }

  record Sequence(List<YNode> items, int line) implements YNode {
    public Sequence {
      items = List.copyOf(items);
    }

    @Override
    public JsonNode toJson() {
      ArrayNode a = JsonNodeFactory.instance.arrayNode();
      items.forEach(i -> a.add(i.toJson()));
      return a;
    }
  }

  /** A scalar: its text and Jackson's reading of its type. */
  record Scalar(Kind kind, String text, int line) implements YNode {
    public enum Kind {
      STRING,
      INT,
      FLOAT,
      BOOL,
      NULL
    }

    @Override
    public JsonNode toJson() {
      JsonNodeFactory f = JsonNodeFactory.instance;
      return switch (kind) {
        case STRING -> f.textNode(text);
        case INT -> f.numberNode(new BigInteger(text));
        case FLOAT -> f.numberNode(new BigDecimal(text));
        case BOOL -> f.booleanNode(Boolean.parseBoolean(text));
        case NULL -> f.nullNode();
      };
    }

    public boolean isNull() {
      return kind == Kind.NULL;
    }
  }
}
