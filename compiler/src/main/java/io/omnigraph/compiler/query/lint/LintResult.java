package io.omnigraph.compiler.query.lint;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.compiler.diag.Diagnostic;
import io.omnigraph.compiler.query.QueryCompiler;
import io.omnigraph.compiler.query.descriptor.OperationDescriptor;
import io.omnigraph.compiler.query.ir.CompiledQuery;
import io.omnigraph.compiler.query.ir.QueryKind;
import java.util.List;

/**
 * The lint result of one query.
 *
 * @param name the query name
 * @param kind read or mutation
 * @param warnings warning texts (e.g. a mutation without parameters)
 * @param errors the query's errors, earliest first (empty when it compiled)
 * @param compiled the compiled query, or null when it failed
 */
public record LintResult(
    String name,
    QueryKind kind,
    List<String> warnings,
    List<Diagnostic> errors,
    CompiledQuery compiled) {
  public LintResult {
    warnings = List.copyOf(warnings);
    errors = List.copyOf(errors);
  }

  public boolean ok() {
    return compiled != null && errors.isEmpty();
  }

  /** The first error as {@code "T4: … (line L, column C)"}, or null. */
  public String error() {
    return errors.isEmpty() ? null : QueryCompiler.describe(errors.get(0));
  }

  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("name", name);
    o.put("kind", kind.wire());
    o.put("status", ok() ? "ok" : "error");
    var ws = o.putArray("warnings");
    warnings.forEach(ws::add);
    if (!ok()) {
      o.put("error", error());
    } else {
      o.set("operation", OperationDescriptor.describe(compiled));
    }
    return o;
  }
}
