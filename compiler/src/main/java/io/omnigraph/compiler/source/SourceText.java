package io.omnigraph.compiler.source;

import io.omnigraph.compiler.diag.Position;
import java.util.Arrays;

/**
 * Text being compiled, with its display name and a line index for turning character offsets into
 * 1-based line:column positions.
 */
public final class SourceText {
  private final String name;
  private final String text;
  private final int[] lineStarts;

  public SourceText(String name, String text) {
    this.name = name;
    this.text = text;
    this.lineStarts = indexLines(text);
  }

  private static int[] indexLines(String text) {
    int[] starts = new int[16];
    int n = 1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        if (n == starts.length) {
          starts = Arrays.copyOf(starts, n * 2);
        }
        starts[n++] = i + 1;
      }
    }
    return Arrays.copyOf(starts, n);
  }

  public String name() {
    return name;
  }

  public String text() {
    return text;
  }

  public int length() {
    return text.length();
  }

  /** The position of the span {@code [start, end)}; offsets are clamped into the text. */
  public Position position(int start, int end) {
    int s = Math.max(0, Math.min(start, text.length()));
    int e = Math.max(s, Math.min(end, text.length()));
    int idx = Arrays.binarySearch(lineStarts, s);
    int line = idx >= 0 ? idx : -idx - 2;
    int column = s - lineStarts[line] + 1;
    return new Position(name, line + 1, column, s, e);
  }

  public Position position(int offset) {
    return position(offset, offset);
  }
}
