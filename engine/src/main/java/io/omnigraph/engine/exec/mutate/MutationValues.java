package io.omnigraph.engine.exec.mutate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.omnigraph.compiler.query.ir.IrExpr;
import io.omnigraph.compiler.schema.PropType;
import io.omnigraph.engine.exec.LiteralValues;
import io.omnigraph.engine.exec.QueryExecutionException;
import io.omnigraph.engine.graph.ValueException;
import io.omnigraph.engine.graph.Values;
import java.math.BigInteger;
import java.util.Map;

/**
 * Evaluates mutation values (literals, parameters, {@code now()}) and converts them to the runtime
 * representation of the property they are assigned to, through their JSON spelling — so enum sets,
 * integer widths, dates and vector dimensions are checked exactly as a load checks them. A value
 * that does not fit is {@code bad_param} naming the parameter (00 §Language clarifications 1).
 */
final class MutationValues {
  private final Map<String, Object> params;

  MutationValues(Map<String, Object> params) {
    this.params = params;
  }

  /** The raw runtime value of a literal or parameter. */
  Object eval(IrExpr e) {
    return switch (e) {
      case IrExpr.Literal l -> LiteralValues.of(l.value());
      case IrExpr.Param p -> params.get(p.name());
      default ->
          throw new QueryExecutionException(
              QueryExecutionException.Code.INTERNAL,
              "unexpected mutation value " + e.getClass().getSimpleName());
    };
  }

  /** The value of {@code e} as a value of property type {@code target}. */
  Object assign(IrExpr e, PropType target, String property, String where) {
    Object raw = eval(e);
    if (raw == null) {
      return null;
    }
    try {
      return Values.fromJson(json(raw, e), target);
    } catch (ValueException | ClassCastException ex) {
      String source =
          e instanceof IrExpr.Param p && !p.isNow() ? "parameter $" + p.name() : "the value";
      throw new QueryExecutionException(
          QueryExecutionException.Code.BAD_PARAM,
          where
              + ": "
              + source
              + " does not fit property "
              + property
              + " ("
              + target.withNullable(false).render()
              + "): "
              + ex.getMessage());
    }
  }

  private static JsonNode json(Object raw, IrExpr e) {
    if (raw instanceof BigInteger b) {
      return JsonNodeFactory.instance.textNode(b.toString());
    }
    PropType t =
        switch (e) {
          case IrExpr.Literal l -> l.litType();
          case IrExpr.Param p -> p.paramType();
          default -> throw new IllegalStateException();
        };
    return Values.toJson(raw, t);
  }
}
