package io.omnigraph.compiler.query.ir;

import io.omnigraph.compiler.schema.PropType;
import io.omnigraph.compiler.schema.ScalarType;
import io.omnigraph.compiler.schema.TypeKind;

/**
 * The static type of a query expression: a value (described by a {@link PropType}, so scalars,
 * enums, lists and vectors with their nullability) or a whole bound entity ({@code $x}).
 */
public sealed interface QType {
  /** Whether the value may be null at run time. */
  boolean nullable();

  /** A value type. */
  record Value(PropType type) implements QType {
    @Override
    public boolean nullable() {
      return type.nullable();
    }
  }

  /** A whole node ({@code kind = NODE}) or edge row bound to a variable. */
  record Entity(TypeKind kind, String typeName) implements QType {
    @Override
    public boolean nullable() {
      return false;
    }
  }

  static Value of(PropType t) {
    return new Value(t);
  }

  static Value scalar(ScalarType t, boolean nullable) {
    return new Value(PropType.scalar(t, nullable));
  }

  /** The value type, or null for an entity. */
  default PropType valueType() {
    return this instanceof Value v ? v.type() : null;
  }

  /**
   * Spelling used in messages, without nullability: {@code String}, {@code [I32]}, {@code Person}.
   */
  default String render() {
    return switch (this) {
      case Value v -> v.type().withNullable(false).render();
      case Entity e -> e.typeName();
    };
  }
}
