package io.omnigraph.compiler.query.lint;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnigraph.compiler.diag.Diagnostic;
import io.omnigraph.compiler.diag.Severity;
import io.omnigraph.compiler.query.QueryCompiler;
import io.omnigraph.compiler.query.QueryFileCheck;
import io.omnigraph.compiler.query.QueryOutcome;
import io.omnigraph.compiler.query.ir.CompiledQuery;
import io.omnigraph.compiler.query.ir.QueryKind;
import io.omnigraph.compiler.schema.Catalog;
import io.omnigraph.compiler.source.SourceText;
import java.util.ArrayList;
import java.util.List;

/**
 * Lints a {@code .gq} file against a schema (03 §6): type-checks every query, warns about mutations
 * without parameters, and reports {@code L201} for nullable properties that no update query sets.
 * Syntax errors become file-level findings and make the status {@code error}.
 */
public final class QueryLinter {
  static final String NO_PARAMS_WARNING =
      "mutation declares no params (hard-coded mutations are easy to miss); pass the values as"
          + " $parameters";

  private QueryLinter() {}

  /**
   * @param catalog the schema to check against
   * @param queries the query file
   * @param schemaSource the {@code schema_source} JSON ({@code {kind:"file", path}} or {@code
   *     {kind:"graph", uri}}), copied into the report as given
   */
  public static LintReport lint(Catalog catalog, SourceText queries, JsonNode schemaSource) {
    QueryFileCheck check = QueryCompiler.check(catalog, queries);
    List<LintResult> results = new ArrayList<>();
    check.queries().forEach(q -> results.add(result(q)));
    List<LintFinding> findings = new ArrayList<>();
    check.fileDiagnostics().forEach(d -> findings.add(fileFinding(d)));
    List<CompiledQuery> compiled =
        results.stream().filter(LintResult::ok).map(LintResult::compiled).toList();
    findings.addAll(UnsetPropertyRule.findings(catalog, compiled));
    return new LintReport(schemaSource, queries.name(), results, findings, check);
  }

  private static LintResult result(QueryOutcome q) {
    List<String> warnings = new ArrayList<>();
    q.result().warnings().forEach(d -> warnings.add(QueryCompiler.describe(d)));
    CompiledQuery c = q.result().ok() ? q.result().value() : null;
    if (c != null && c.kind() == QueryKind.MUTATION && c.params().isEmpty()) {
      warnings.add(NO_PARAMS_WARNING);
    }
    return new LintResult(q.name(), q.kind(), warnings, q.result().errors(), c);
  }

  private static LintFinding fileFinding(Diagnostic d) {
    String where = d.line() > 0 ? " (line " + d.line() + ", column " + d.column() + ")" : "";
    Severity s = d.severity();
    return new LintFinding(s, d.code(), d.message() + where, null, null, List.of());
  }
}
