package io.omnigraph.cluster;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One control-plane diagnostic (05 §1): a stable snake_case {@code code}, a severity, a {@code
 * path} (a config path such as {@code graphs.knowledge.queries.find}, a resource address or a file
 * path) and a message that says how to fix it.
 */
public record ClusterDiagnostic(String code, Severity severity, String path, String message) {
  /** Error or warning; only errors make an output's {@code ok} false. */
  public enum Severity {
    ERROR,
    WARNING;

    public String wire() {
      return this == ERROR ? "error" : "warning";
    }
  }

  public ClusterDiagnostic {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    path = path == null ? "" : path;
    Objects.requireNonNull(message, "message");
  }

  public static ClusterDiagnostic error(String code, String path, String message) {
    return new ClusterDiagnostic(code, Severity.ERROR, path, message);
  }

  public static ClusterDiagnostic warning(String code, String path, String message) {
    return new ClusterDiagnostic(code, Severity.WARNING, path, message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code {code, severity, path, message}}. */
  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("code", code);
    o.put("severity", severity.wire());
    o.put("path", path);
    o.put("message", message);
    return o;
  }

  /** {@code ERROR <code> <path>: <message>} / {@code WARN <code> <path>: <message>} (05 §13). */
  public String render() {
    String head = isError() ? "ERROR " : "WARN  ";
    return head + code + " " + path + ": " + message;
  }
}
