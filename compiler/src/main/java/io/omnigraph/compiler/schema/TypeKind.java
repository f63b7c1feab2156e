package io.omnigraph.compiler.schema;

/** The three kinds of schema declaration, spelled as in plans ({@code type_kind}). */
public enum TypeKind {
  INTERFACE,
  NODE,
  EDGE;

  public String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
