package io.omnigraph.engine.exec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BaseJsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.omnigraph.compiler.query.ir.QType;
import io.omnigraph.engine.graph.Values;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * JSON spellings of read results. The envelope is written once, as a token stream ({@link #write});
 * the tree form is read back from those tokens, so a served response and a CLI envelope cannot
 * disagree. Values go through {@link Values#toJson}.
 */
final class ResultEncoder {
  private static final ObjectMapper TREE = new ObjectMapper();
  private static final BigInteger JS_SAFE = BigInteger.valueOf((1L << 53) - 1);

  private ResultEncoder() {}

  static ObjectNode envelope(
      QueryResult result, String queryName, ReadTarget target, String graphCommitId) {
    try (TokenBuffer tokens = new TokenBuffer(TREE, false)) {
      write(tokens, result, queryName, target, graphCommitId);
      return TREE.readTree(tokens.asParser(TREE));
    } catch (IOException e) {
      throw new UncheckedIOException("token buffer failed", e);
    }
  }

  /** Writes the envelope (see {@link QueryResult#toJson}) as one JSON object. */
  static void write(
      JsonGenerator g, QueryResult result, String queryName, ReadTarget target, String commitId)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("query_name", queryName);
    g.writeObjectFieldStart("target");
    g.writeStringField("branch", target == null ? null : target.branch());
    g.writeStringField("snapshot", target == null ? null : target.snapshot());
    g.writeEndObject();
    g.writeNumberField("row_count", result.rowCount());
    List<ResultColumn> columns = result.columns();
    g.writeArrayFieldStart("columns");
    for (ResultColumn c : columns) {
      g.writeStartObject();
      g.writeStringField("name", c.name());
      g.writeStringField("type", c.typeSpelling());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("rows");
    for (Object[] row : result.rows()) {
      g.writeStartObject();
      for (int i = 0; i < row.length; i++) {
        g.writeFieldName(columns.get(i).name());
        value(g, row[i], columns.get(i).type());
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    if (commitId != null) {
      g.writeStringField("graph_commit_id", commitId);
    }
    g.writeEndObject();
  }

  private static void value(JsonGenerator g, Object v, QType type) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof EntityValue e) {
      entity(g, e);
    } else if (v instanceof BigInteger b) {
      if (b.abs().compareTo(JS_SAFE) <= 0) {
        g.writeNumber(b);
      } else {
        g.writeString(b.toString());
      }
    } else {
      node(g, Values.toJson(v, type.valueType()));
    }
  }

  /** {@code {id, prop: value, …}} with each property spelled by its declared type. */
  private static void entity(JsonGenerator g, EntityValue e) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", e.id());
    for (Map.Entry<String, Object> p : e.properties().entrySet()) {
      g.writeFieldName(p.getKey());
      node(g, Values.toJson(p.getValue(), e.type().properties().get(p.getKey()).type()));
    }
    g.writeEndObject();
  }

  /**
   * A value node from {@link Values#toJson}: null, a scalar, or an array of them. Scalars serialize
   * themselves without a serializer provider; null and arrays are spelled here.
   */
  private static void node(JsonGenerator g, JsonNode n) throws IOException {
    if (n.isNull()) {
      g.writeNull();
    } else if (n.isArray()) {
      g.writeStartArray();
      for (JsonNode item : n) {
        node(g, item);
      }
      g.writeEndArray();
    } else {
      ((BaseJsonNode) n).serialize(g, null);
    }
  }
}
