package io.omnigraph.compiler.query.descriptor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.compiler.query.ir.QType;
import io.omnigraph.compiler.schema.PropType;
import io.omnigraph.compiler.schema.ScalarType;

/**
 * The wire kinds of values: {@code string|bool|int|bigint|float|date|datetime|blob|vector|list|
 * object}. Enums are strings; I64/U64 are {@code bigint} (they travel as JSON strings when outside
 * the JS-safe range); whole entities are {@code object}.
 */
public final class ValueKinds {
  private ValueKinds() {}

  public static String scalarKind(ScalarType s) {
    return switch (s) {
      case STRING -> "string";
      case BLOB -> "blob";
      case BOOL -> "bool";
      case I32, U32 -> "int";
      case I64, U64 -> "bigint";
      case F32, F64 -> "float";
      case DATE -> "date";
      case DATETIME -> "datetime";
    };
  }

  public static String kind(PropType t) {
    if (t.isVector()) {
      return "vector";
    }
    return t.list() ? "list" : scalarKind(t.scalar());
  }

  /**
   * Adds {@code kind}, {@code item_kind}/{@code vector_dim} when they apply, and {@code nullable}.
   */
  public static void describe(ObjectNode out, QType type) {
    if (type instanceof QType.Value v) {
      describe(out, v.type());
    } else {
      out.put("kind", "object");
      out.put("nullable", false);
    }
  }

  public static void describe(ObjectNode out, PropType t) {
    out.put("kind", kind(t));
    if (t.list()) {
      out.put("item_kind", scalarKind(t.scalar()));
    }
    if (t.isVector()) {
      out.put("vector_dim", t.vectorDim());
    }
    out.put("nullable", t.nullable());
  }
}
