package io.omnigraph.compiler.query.ir;

import io.omnigraph.compiler.schema.PropType;
import io.omnigraph.compiler.schema.ScalarType;
import io.omnigraph.compiler.schema.TypeKind;

/**
 * A type-checked expression. Every variant knows its {@link QType}. Score functions have fixed
 * meanings: {@link Nearest} is the cosine distance (smaller is closer), {@link Bm25} and {@link
 * Rrf} are relevance scores (larger is better).
 */
public sealed interface IrExpr {
  /** The reserved hidden parameter that {@code now()} compiles to. */
  String NOW_PARAM = "__nanograph_now";

  QType type();

  /** {@code $var.property} on a bound node ({@code ownerKind = NODE}) or edge binding. */
  record Prop(String var, TypeKind ownerKind, String ownerType, String property, PropType propType)
      implements IrExpr {
    @Override
    public QType type() {
      return QType.of(propType);
    }
  }

  /** A whole bound node, {@code $var}. */
  record Entity(String var, TypeKind kind, String typeName) implements IrExpr {
    @Override
    public QType type() {
      return new QType.Entity(kind, typeName);
    }
  }

  /**
   * A parameter, {@code $name}. {@code now()} is the parameter {@link #NOW_PARAM} of type DateTime,
   * which the executor binds once per execution.
   */
  record Param(String name, PropType paramType) implements IrExpr {
    @Override
    public QType type() {
      return QType.of(paramType);
    }

    public boolean isNow() {
      return NOW_PARAM.equals(name);
    }
  }

  /** A literal with its natural type (integers are I64, or U64 above the I64 range). */
  record Literal(Value value, PropType litType) implements IrExpr {
    @Override
    public QType type() {
      return QType.of(litType);
    }
  }

  /** {@code count|sum|avg|min|max(arg)}; {@code resultType} is the column type. */
  record Aggregate(AggFn fn, IrExpr arg, PropType resultType) implements IrExpr {
    @Override
    public QType type() {
      return QType.of(resultType);
    }
  }

  /**
   * {@code nearest($x.vec, query)}: cosine distance (F64). {@code textQuery} is true when the query
   * is a String to be embedded with the property's {@code @embed} model.
   */
  record Nearest(Prop vector, IrExpr query, boolean textQuery) implements IrExpr {
    @Override
    public QType type() {
      return QType.scalar(ScalarType.F64, false);
    }
  }

  /** {@code bm25($x.text, query)}: BM25 relevance (F64). */
  record Bm25(Prop field, IrExpr query) implements IrExpr {
    @Override
    public QType type() {
      return QType.scalar(ScalarType.F64, false);
    }
  }

  /**
   * {@code search|fuzzy|match_text($x.text, query [, maxEdits])}: a Bool token match. {@code
   * maxEdits} is null unless given to {@code fuzzy}.
   */
  record TextMatch(TextFn fn, Prop field, IrExpr query, IrExpr maxEdits) implements IrExpr {
    @Override
    public QType type() {
      return QType.scalar(ScalarType.BOOL, false);
    }
  }

  /** {@code rrf(rankA, rankB [, k])}: fused score (F64); {@code k} defaults to literal 60. */
  record Rrf(IrExpr first, IrExpr second, IrExpr k) implements IrExpr {
    @Override
    public QType type() {
      return QType.scalar(ScalarType.F64, false);
    }
  }

  /** A reference to an earlier output column by its alias ({@code index} is 0-based). */
  record ColumnRef(String column, int index, QType refType) implements IrExpr {
    @Override
    public QType type() {
      return refType;
    }
  }
}
