package io.omnigraph.compiler.query.ir;

import io.omnigraph.compiler.schema.TypeKind;

/**
 * A match variable and what it is bound to: a node type, or (for {@code $a $w:edge $b}) an edge
 * type.
 */
public record Variable(String name, TypeKind kind, String typeName) {}
