package io.omnigraph.compiler.diag;

import io.omnigraph.compiler.source.SourceText;

/**
 * Human rendering of a diagnostic with the offending source line and a caret under the span:
 *
 * <pre>
 * people.pg:2:8: error[S000]: unknown property type 'Int'; use one of String, …
 *     2 |   age: Int
 *       |        ^^^
 * </pre>
 */
public final class DiagnosticRenderer {
  private DiagnosticRenderer() {}

  public static String render(Diagnostic d, SourceText src) {
    StringBuilder sb = new StringBuilder(d.render());
    if (src == null || d.line() <= 0) {
      return sb.toString();
    }
    String line = lineText(src.text(), d.line());
    if (line == null) {
      return sb.toString();
    }
    String no = Integer.toString(d.line());
    String pad = " ".repeat(no.length());
    int width = Math.max(1, Math.min(d.end() - d.start(), line.length() - d.column() + 1));
    sb.append('\n').append("  ").append(no).append(" | ").append(expandTabs(line));
    sb.append('\n').append("  ").append(pad).append(" | ");
    sb.append(" ".repeat(Math.max(0, visualColumn(line, d.column()) - 1)))
        .append("^".repeat(width));
    return sb.toString();
  }

  private static String lineText(String text, int lineNo) {
    int start = 0;
    for (int i = 1; i < lineNo; i++) {
      int nl = text.indexOf('\n', start);
      if (nl < 0) {
        return null;
      }
      start = nl + 1;
    }
    int end = text.indexOf('\n', start);
    String line = end < 0 ? text.substring(start) : text.substring(start, end);
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }

  private static String expandTabs(String line) {
    return line.replace("\t", "    ");
  }

  private static int visualColumn(String line, int column) {
    int v = 1;
    for (int i = 0; i < column - 1 && i < line.length(); i++) {
      v += line.charAt(i) == '\t' ? 4 : 1;
    }
    return v;
  }
}
