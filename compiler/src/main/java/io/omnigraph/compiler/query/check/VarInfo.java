package io.omnigraph.compiler.query.check;

import io.omnigraph.compiler.schema.TypeKind;

/**
 * A match variable as the checker sees it. {@code typeName} is null when the clause that bound it
 * was wrong: such a "poisoned" variable is known, so later uses report nothing more about it.
 */
record VarInfo(String name, TypeKind kind, String typeName, int start) {
  boolean poisoned() {
    return typeName == null;
  }

  boolean isEdge() {
    return kind == TypeKind.EDGE;
  }
}
