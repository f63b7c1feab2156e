package io.omnigraph.engine.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.compiler.query.ir.QType;
import io.omnigraph.compiler.schema.PropType;
import io.omnigraph.engine.graph.Values;
import java.math.BigInteger;
import java.util.Map;

/** JSON spellings of read results. Values go through {@link Values#toJson}. */
final class ResultEncoder {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final BigInteger JS_SAFE = BigInteger.valueOf((1L << 53) - 1);

  private ResultEncoder() {}

  static ObjectNode envelope(
      QueryResult result, String queryName, ReadTarget target, String graphCommitId) {
    ObjectNode out = JSON.objectNode();
    out.put("query_name", queryName);
    ObjectNode t = out.putObject("target");
    t.put("branch", target == null ? null : target.branch());
    t.put("snapshot", target == null ? null : target.snapshot());
    out.put("row_count", result.rowCount());
    ArrayNode cols = out.putArray("columns");
    for (ResultColumn c : result.columns()) {
      cols.addObject().put("name", c.name()).put("type", c.typeSpelling());
    }
    ArrayNode rows = out.putArray("rows");
    for (Object[] row : result.rows()) {
      rows.add(row(result, row));
    }
    if (graphCommitId != null) {
      out.put("graph_commit_id", graphCommitId);
    }
    return out;
  }

  private static ObjectNode row(QueryResult result, Object[] row) {
    ObjectNode o = JSON.objectNode();
    for (int i = 0; i < row.length; i++) {
      ResultColumn c = result.columns().get(i);
      o.set(c.name(), value(row[i], c.type()));
    }
    return o;
  }

  static JsonNode value(Object v, QType type) {
    if (v == null) {
      return JSON.nullNode();
    }
    if (v instanceof EntityValue e) {
      return entity(e);
    }
    if (v instanceof BigInteger b) {
      return b.abs().compareTo(JS_SAFE) <= 0 ? JSON.numberNode(b) : JSON.textNode(b.toString());
    }
    return Values.toJson(v, type.valueType());
  }

  /** {@code {id, prop: value, …}} with each property spelled by its declared type. */
  static ObjectNode entity(EntityValue e) {
    ObjectNode o = JSON.objectNode();
    o.put("id", e.id());
    for (Map.Entry<String, Object> p : e.properties().entrySet()) {
      PropType t = e.type().properties().get(p.getKey()).type();
      o.set(p.getKey(), Values.toJson(p.getValue(), t));
    }
    return o;
  }
}
