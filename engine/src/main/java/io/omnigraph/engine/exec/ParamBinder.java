package io.omnigraph.engine.exec;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnigraph.compiler.query.ir.CompiledQuery;
import io.omnigraph.compiler.query.ir.IrExpr;
import io.omnigraph.compiler.query.ir.QueryParam;
import io.omnigraph.compiler.schema.PropType;
import io.omnigraph.engine.graph.ValueException;
import io.omnigraph.engine.graph.Values;
import java.time.Clock;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Binds the JSON parameter object of one execution to the declared parameters.
 *
 * <ul>
 *   <li>{@code params} must be a JSON object (null or absent means {@code {}});
 *   <li>every member must name a declared parameter (unknown ones are refused, so typos surface);
 *   <li>required parameters must be present and non-null; optional ({@code T?}) ones may be omitted
 *       or null and then bind NULL;
 *   <li>values are converted by {@link Values#fromJson} (64-bit integers may be JSON strings);
 *   <li>String parameters compared with enum properties are not checked against the value set: a
 *       match on an out-of-set value finds no rows (00 §Language clarifications 1);
 *   <li>{@code now()} ({@link IrExpr#NOW_PARAM}) is read from the clock once.
 * </ul>
 */
public final class ParamBinder {
  private ParamBinder() {}

  public static Map<String, Object> bind(CompiledQuery q, JsonNode params, Clock clock) {
    JsonNode obj = params == null || params.isNull() || params.isMissingNode() ? null : params;
    if (obj != null && !obj.isObject()) {
      throw QueryExecutionException.badParam(
          "params must be a JSON object such as {\"name\": value}, not " + kind(obj));
    }
    Map<String, Object> out = new HashMap<>();
    if (obj != null) {
      rejectUnknown(q, obj);
    }
    for (QueryParam p : q.params()) {
      out.put(p.name(), one(q, p, obj == null ? null : obj.get(p.name())));
    }
    out.put(IrExpr.NOW_PARAM, clock.millis());
    return out;
  }

  private static void rejectUnknown(CompiledQuery q, JsonNode obj) {
    for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (q.param(name).isEmpty()) {
        throw QueryExecutionException.badParam(
            "unknown parameter '" + name + "': query " + q.name() + " declares " + declared(q));
      }
    }
  }

  private static String declared(CompiledQuery q) {
    List<QueryParam> ps = q.params();
    if (ps.isEmpty()) {
      return "no parameters; send {} or no params";
    }
    return String.join(
        ", ", ps.stream().map(p -> "$" + p.name() + ": " + p.type().render()).toList());
  }

  private static Object one(CompiledQuery q, QueryParam p, JsonNode json) {
    boolean absent = json == null || json.isNull() || json.isMissingNode();
    if (absent) {
      if (p.optional()) {
        return null;
      }
      throw QueryExecutionException.badParam(
          "missing required parameter $"
              + p.name()
              + " ("
              + p.type().render()
              + ") of query "
              + q.name()
              + "; pass it in params, as in {\""
              + p.name()
              + "\": …}, or declare it optional with '?'");
    }
    try {
      return Values.fromJson(json, p.type());
    } catch (ValueException e) {
      throw QueryExecutionException.badParam(
          "parameter $" + p.name() + " (" + render(p.type()) + "): " + e.getMessage());
    }
  }

  private static String render(PropType t) {
    return t.withNullable(false).render();
  }

  private static String kind(JsonNode json) {
    return switch (json.getNodeType()) {
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case ARRAY -> "a list";
      default -> json.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
