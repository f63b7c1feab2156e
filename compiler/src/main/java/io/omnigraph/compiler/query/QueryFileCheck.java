package io.omnigraph.compiler.query;

import io.omnigraph.compiler.diag.Diagnostic;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Everything known about a {@code .gq} file after checking: one outcome per query that parsed, in
 * source order, and the file-level diagnostics (syntax errors {@code Q000}, duplicate names {@code
 * Q002}). A syntax error hides the declaration it occurs in, so such a file is never fully ok.
 *
 * @param fileName the source name
 * @param queries per-query outcomes
 * @param fileDiagnostics problems that belong to the file rather than to one checked query
 */
public record QueryFileCheck(
    String fileName, List<QueryOutcome> queries, List<Diagnostic> fileDiagnostics) {
  public QueryFileCheck {
    queries = List.copyOf(queries);
    fileDiagnostics = List.copyOf(fileDiagnostics);
  }

  /** True when the file parsed and every query type-checked. */
  public boolean ok() {
    return fileDiagnostics.stream().noneMatch(Diagnostic::isError)
        && queries.stream().allMatch(QueryOutcome::ok);
  }

  /** Every diagnostic of the file and of its queries, in source order. */
  public List<Diagnostic> diagnostics() {
    List<Diagnostic> all = new ArrayList<>(fileDiagnostics);
    queries.forEach(q -> all.addAll(q.result().diagnostics()));
    all.sort(Comparator.comparingInt(Diagnostic::start));
    return all;
  }

  /** Whether the file has syntax errors. */
  public boolean hasSyntaxErrors() {
    return fileDiagnostics.stream()
        .anyMatch(d -> d.code().equals(QueryCode.SYNTAX.code()) && d.isError());
  }

  public Optional<QueryOutcome> query(String name) {
    return queries.stream().filter(q -> q.name().equals(name)).findFirst();
  }
}
