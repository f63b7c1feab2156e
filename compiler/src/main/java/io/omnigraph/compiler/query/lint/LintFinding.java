package io.omnigraph.compiler.query.lint;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.compiler.diag.Severity;
import java.util.List;

/**
 * A file-level lint finding.
 *
 * @param severity how serious
 * @param code {@code L201}, {@code Q000}, {@code Q002}, …
 * @param message what is wrong and how to fix it
 * @param typeName the node type concerned, or null
 * @param property the property concerned, or null
 * @param queryNames the queries concerned (may be empty)
 */
public record LintFinding(
    Severity severity,
    String code,
    String message,
    String typeName,
    String property,
    List<String> queryNames) {
  public LintFinding {
    queryNames = List.copyOf(queryNames);
  }

  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("severity", severity.wire());
    o.put("code", code);
    o.put("message", message);
    if (typeName != null) {
      o.put("type_name", typeName);
    }
    if (property != null) {
      o.put("property", property);
    }
    queryNames.forEach(o.putArray("query_names")::add);
    if (queryNames.isEmpty()) {
      o.putArray("query_names");
    }
    return o;
  }
}
