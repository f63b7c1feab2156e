package io.omnigraph.compiler.diag;

/**
 * A resolved place in a source file: file name, 1-based line and column, and the character span.
 */
public record Position(String file, int line, int column, int start, int end) {
  public static final Position NONE = new Position(null, 0, 0, -1, -1);

  public String describe() {
    return (file == null ? "" : file + ":") + line + ":" + column;
  }
}
