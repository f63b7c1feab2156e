package io.omnigraph.compiler.query.ir;

import io.omnigraph.compiler.schema.PropType;

/**
 * A declared query parameter.
 *
 * @param name the name without {@code $}
 * @param type its type; {@code type.nullable()} is true for an optional ({@code ?}) parameter
 */
public record QueryParam(String name, PropType type) {
  public boolean optional() {
    return type.nullable();
  }
}
