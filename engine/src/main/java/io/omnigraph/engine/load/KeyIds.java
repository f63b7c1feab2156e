package io.omnigraph.engine.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import io.omnigraph.compiler.json.CanonicalJson;
import io.omnigraph.compiler.schema.NodeType;
import io.omnigraph.compiler.schema.PropType;
import io.omnigraph.engine.graph.ValueException;
import io.omnigraph.engine.graph.Values;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Key-derived node ids (02 §6), shared by load and mutations. A single-property key gives the
 * canonical scalar spelling of its value ({@link Values#canonicalKey}); a composite key gives a
 * JSON array of those spellings ordered by ascending stable property id ({@link KeyOrder}), e.g.
 * {@code ["acme","42"]}.
 *
 * <p>Legacy spellings: a supplied id that is not canonical is still accepted (and rewritten to the
 * canonical id) when it is <em>type-equivalent</em>: a single key whose spelling parses to the same
 * typed value ({@code "2024-01-02"} for a Date key whose canonical id is {@code "19724"}, {@code
 * "1.50"} for {@code "1.5"}), or a composite key written as a JSON array of such spellings in
 * stable-id order or in the order of the {@code @key(…)} list.
 */
public final class KeyIds {
  private static final ObjectMapper JSON = new ObjectMapper();

  private KeyIds() {}

  /**
   * The id of a node of a keyed type.
   *
   * @param values the node's typed values ({@link Values}) by property name
   * @throws IllegalArgumentException when the type is unkeyed or a key value is missing
   */
  public static String derive(NodeType type, Map<String, Object> values, KeyOrder order) {
    List<String> keys = order.keyProperties(type);
    if (keys.isEmpty()) {
      throw new IllegalArgumentException(type.name() + " has no @key; its ids are ULIDs");
    }
    String[] parts = new String[keys.size()];
    for (int i = 0; i < parts.length; i++) {
      Object v = values.get(keys.get(i));
      if (v == null) {
        throw new IllegalArgumentException("key property " + keys.get(i) + " has no value");
      }
      parts[i] = Values.canonicalKey(v, type.properties().get(keys.get(i)).type().scalar());
    }
    return join(parts);
  }

  /** The canonical id of a decoded row of a keyed type. */
  static String derive(TypePlan plan, Object[] row) {
    int[] cols = plan.keyColumns;
    if (cols.length == 1) {
      return Values.canonicalKey(row[cols[0]], plan.types[cols[0]].scalar());
    }
    String[] parts = new String[cols.length];
    for (int i = 0; i < cols.length; i++) {
      parts[i] = Values.canonicalKey(row[cols[i]], plan.types[cols[i]].scalar());
    }
    return join(parts);
  }

  private static String join(String[] parts) {
    if (parts.length == 1) {
      return parts[0];
    }
    ArrayNode a = JsonNodeFactory.instance.arrayNode(parts.length);
    for (String p : parts) {
      a.add(p);
    }
    return CanonicalJson.serialize(a);
  }

  /** Whether {@code supplied} is a type-equivalent (legacy) spelling of the row's key. */
  static boolean isLegacySpelling(TypePlan plan, Object[] row, String supplied) {
    int[] cols = plan.keyColumns;
    if (cols.length == 1) {
      return sameValue(plan, cols[0], row, TextNode.valueOf(supplied));
    }
    JsonNode parsed = parseArray(supplied);
    if (parsed == null || parsed.size() != cols.length) {
      return false;
    }
    return matches(plan, cols, row, parsed) || matches(plan, plan.keyDeclaredColumns, row, parsed);
  }

  private static boolean matches(TypePlan plan, int[] cols, Object[] row, JsonNode parts) {
    for (int i = 0; i < cols.length; i++) {
      if (!parts.get(i).isTextual() || !sameValue(plan, cols[i], row, parts.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameValue(TypePlan plan, int col, Object[] row, JsonNode spelling) {
    PropType t = plan.types[col];
    try {
      return Objects.equals(normal(Values.fromJson(spelling, t)), normal(row[col]));
    } catch (ValueException e) {
      return false;
    }
  }

  private static Object normal(Object v) {
    return v instanceof Double d && d == 0.0 ? (Object) 0.0 : v;
  }

  private static JsonNode parseArray(String s) {
    if (!s.startsWith("[")) {
      return null;
    }
    try {
      JsonNode n = JSON.readTree(s);
      return n != null && n.isArray() ? n : null;
    } catch (IOException e) {
      return null;
    }
  }
}
