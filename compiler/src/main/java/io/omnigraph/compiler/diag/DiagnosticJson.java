package io.omnigraph.compiler.diag;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The stable JSON shape of a diagnostic: {@code {code, severity, file, line, column, span:{start,
 * end}, message}}. {@code file} is omitted for in-memory text and {@code line}/{@code
 * column}/{@code span} when the finding has no position.
 */
public final class DiagnosticJson {
  private DiagnosticJson() {}

  public static ObjectNode of(Diagnostic d) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("code", d.code());
    o.put("severity", d.severity().wire());
    if (d.file() != null) {
      o.put("file", d.file());
    }
    if (d.line() > 0) {
      o.put("line", d.line());
      o.put("column", d.column());
      ObjectNode span = o.putObject("span");
      span.put("start", d.start());
      span.put("end", d.end());
    }
    o.put("message", d.message());
    return o;
  }

  public static ArrayNode list(Iterable<Diagnostic> ds) {
    ArrayNode a = JsonNodeFactory.instance.arrayNode();
    ds.forEach(d -> a.add(of(d)));
    return a;
  }
}
