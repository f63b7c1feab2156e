package io.omnigraph.engine.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnigraph.compiler.schema.PropType;
import io.omnigraph.engine.graph.ValueException;
import io.omnigraph.engine.graph.Values;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a record's {@code data} object into typed values (one per declared property, in declaration
 * order) plus the supplied {@code id}: unknown and reserved members are rejected, values are
 * coerced with {@link Values#fromJson}, explicit null on a nullable property means absent and on a
 * non-nullable one is an error, and every non-nullable property must be present (an {@code @embed}
 * vector may instead be computed later when an embedder is bound).
 */
final class RowDecoder {
  private final boolean embedderBound;
  private String id;
  private boolean needsEmbedding;

  RowDecoder(boolean embedderBound) {
    this.embedderBound = embedderBound;
  }

  /** The {@code data.id} of the last decoded record, or null. */
  String suppliedId() {
    return id;
  }

  /** Whether the last decoded record left an {@code @embed} vector for the embedder. */
  boolean needsEmbedding() {
    return needsEmbedding;
  }

  Object[] decode(TypePlan plan, Members data, long line) {
    id = null;
    needsEmbedding = false;
    Object[] values = new Object[plan.props.length];
    for (int i = 0; i < data.size(); i++) {
      String name = data.name(i);
      JsonNode v = (JsonNode) data.value(i);
      Integer col = plan.columns.get(name);
      if (col == null) {
        member(plan, name, v, line);
        continue;
      }
      values[col] = value(plan, col, v, line);
    }
    requirePresent(plan, values, line);
    return values;
  }

  /** A member that is not a declared property: {@code id}, or an error. */
  private void member(TypePlan plan, String name, JsonNode v, long line) {
    if (name.equals("id")) {
      id = idValue(plan, v, line);
      return;
    }
    if (plan.isEdge() && (name.equals("src") || name.equals("dst"))) {
      throw new LoadException(
          LoadCode.BAD_RECORD,
          line,
          "'"
              + name
              + "' may not appear in the data of edge "
              + plan.name
              + "; the endpoints are the top-level 'from' and 'to'");
    }
    if (Envelope.SYSTEM_COLUMNS.contains(name)) {
      throw new LoadException(
          LoadCode.UNKNOWN_PROPERTY,
          line,
          "'" + name + "' is a storage system column and cannot be written; remove it from data");
    }
    List<String> declared = Arrays.asList(plan.props);
    throw new LoadException(
        LoadCode.UNKNOWN_PROPERTY,
        line,
        plan.kindWord()
            + " type "
            + plan.name
            + " has no property '"
            + name
            + "'"
            + Messages.suggest(name, declared)
            + "; its properties are "
            + listing(declared));
  }

  private static String listing(List<String> names) {
    if (names.isEmpty()) {
      return "none (data may hold only 'id')";
    }
    List<String> shown = names.size() > 12 ? names.subList(0, 12) : names;
    return String.join(", ", shown) + (names.size() > 12 ? ", …" : "") + " (and 'id')";
  }

  private static String idValue(TypePlan plan, JsonNode v, long line) {
    if (v.isTextual() && !v.textValue().isEmpty()) {
      return v.textValue();
    }
    String hint = v.isNumber() ? " (write it as the string \"" + v.asText() + "\")" : "";
    throw new LoadException(
        LoadCode.TYPE_MISMATCH,
        line,
        "data.id of "
            + plan.name
            + " must be a non-empty string, got "
            + Envelope.describe(v)
            + hint
            + "; or leave it out");
  }

  private static Object value(TypePlan plan, int col, JsonNode v, long line) {
    PropType t = plan.types[col];
    if (v.isNull() && !t.nullable()) {
      throw new LoadException(
          LoadCode.MISSING_PROPERTY,
          line,
          "property '"
              + plan.props[col]
              + "' of "
              + plan.name
              + " is not nullable but the record gives null; give a "
              + t.render()
              + " value");
    }
    try {
      Object value = Values.fromJson(v, t);
      return t.isEnum() && value != null
          ? t.enumValues().get(t.enumValues().indexOf(value))
          : value;
    } catch (ValueException e) {
      throw new LoadException(
          LoadCode.TYPE_MISMATCH,
          line,
          "property '"
              + plan.props[col]
              + "' of "
              + plan.name
              + ": "
              + e.getMessage()
              + " (the property is "
              + t.render()
              + ")");
    }
  }

  private void requirePresent(TypePlan plan, Object[] values, long line) {
    for (int c = 0; c < values.length; c++) {
      if (values[c] != null) {
        continue;
      }
      PropType t = plan.types[c];
      if (plan.properties[c].embed() != null && embedderBound) {
        needsEmbedding = true;
      } else if (!t.nullable()) {
        throw missing(plan, c, line);
      }
    }
  }

  private static LoadException missing(TypePlan plan, int c, long line) {
    String p = plan.props[c];
    if (plan.properties[c].embed() != null) {
      return new LoadException(
          LoadCode.MISSING_EMBEDDING,
          line,
          plan.name
              + "."
              + p
              + " is an @embed(\""
              + plan.properties[c].embed().source()
              + "\") vector and the record leaves it out, but no embedding provider is bound;"
              + " give the vector in data."
              + p
              + " or bind embedding_provider for the graph");
    }
    return new LoadException(
        LoadCode.MISSING_PROPERTY,
        line,
        plan.name
            + " needs property '"
            + p
            + "' ("
            + plan.types[c].render()
            + "); add \""
            + p
            + "\": … to data");
  }
}
