package io.omnigraph.engine.exec;

import io.omnigraph.compiler.query.ir.QType;

/** One output column: its name (see {@code ReadPlan} for the naming rule) and static type. */
public record ResultColumn(String name, QType type) {
  /**
   * The type as written in source, with {@code ?} when nullable: {@code String}, {@code I64?},
   * {@code enum(a, b)}, {@code [String]?}, {@code Vector(3)}, or the node type of a whole entity.
   */
  public String typeSpelling() {
    return switch (type) {
      case QType.Value v -> v.type().render();
      case QType.Entity e -> e.typeName();
    };
  }
}
