package io.omnigraph.compiler.query.lint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.compiler.diag.Severity;
import io.omnigraph.compiler.query.QueryFileCheck;
import java.util.List;

/**
 * The outcome of {@code omnigraph lint}: per-query results, file-level findings and the counts.
 * {@link #toJson()} is the {@code lint --json} object of 03 §6; the typed parts serve the human
 * output. The process should exit non-zero exactly when {@link #ok()} is false.
 *
 * @param schemaSource the {@code schema_source} object as given by the caller (may be null)
 * @param queryPath the query file name
 * @param results one result per query that parsed, in source order
 * @param findings file-level findings: syntax errors, duplicate names, {@code L201}
 * @param check the underlying compiler output
 */
public record LintReport(
    JsonNode schemaSource,
    String queryPath,
    List<LintResult> results,
    List<LintFinding> findings,
    QueryFileCheck check) {
  public LintReport {
    results = List.copyOf(results);
    findings = List.copyOf(findings);
  }

  /** Failing queries plus error findings. */
  public int errors() {
    int failing = (int) results.stream().filter(r -> !r.ok()).count();
    return failing + count(Severity.ERROR);
  }

  /** Per-query warnings plus warning findings. */
  public int warnings() {
    return results.stream().mapToInt(r -> r.warnings().size()).sum() + count(Severity.WARNING);
  }

  public int infos() {
    return count(Severity.INFO);
  }

  private int count(Severity s) {
    return (int) findings.stream().filter(f -> f.severity() == s).count();
  }

  public boolean ok() {
    return errors() == 0;
  }

  public String status() {
    return ok() ? "ok" : "error";
  }

  public ObjectNode toJson() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode o = f.objectNode();
    o.put("status", status());
    o.set("schema_source", schemaSource == null ? f.nullNode() : schemaSource.deepCopy());
    o.put("query_path", queryPath);
    o.put("queries_processed", results.size());
    o.put("errors", errors());
    o.put("warnings", warnings());
    o.put("infos", infos());
    var rs = o.putArray("results");
    results.forEach(r -> rs.add(r.toJson()));
    var fs = o.putArray("findings");
    findings.forEach(x -> fs.add(x.toJson()));
    return o;
  }
}
