package io.omnigraph.cli.lint;

import io.omnigraph.compiler.diag.Diagnostic;
import io.omnigraph.compiler.diag.DiagnosticRenderer;
import io.omnigraph.compiler.query.lint.LintFinding;
import io.omnigraph.compiler.query.lint.LintReport;
import io.omnigraph.compiler.query.lint.LintResult;
import io.omnigraph.compiler.source.SourceText;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Human output of {@code omnigraph lint}: one line per query, then findings and a summary. */
final class LintPrinter {
  private final PrintWriter out;
  private final SourceText src;

  LintPrinter(PrintWriter out, SourceText src) {
    this.out = out;
    this.src = src;
  }

  void print(LintReport report, Path schema) {
    out.printf("lint %s against %s%n", src.name(), schema);
    for (LintResult r : report.results()) {
      out.printf("  %-5s %-8s %s%n", r.ok() ? "ok" : "ERROR", r.kind().wire(), r.name());
      for (Diagnostic d : r.errors()) {
        out.println(indent(DiagnosticRenderer.render(d, src), "        "));
      }
      for (String w : r.warnings()) {
        out.println("        warning: " + w);
      }
    }
    for (Diagnostic d : report.check().fileDiagnostics()) {
      out.println(indent(DiagnosticRenderer.render(d, src), "  "));
    }
    for (LintFinding f : report.findings()) {
      if (isFileDiagnostic(f, report)) {
        continue;
      }
      String queries =
          f.queryNames().isEmpty() ? "" : " (queries: " + String.join(", ", f.queryNames()) + ")";
      out.printf("  %s[%s]: %s%s%n", f.severity().wire(), f.code(), f.message(), queries);
    }
    out.printf(
        "%s: %d quer%s, %d error(s), %d warning(s)%n",
        report.status(),
        report.results().size(),
        report.results().size() == 1 ? "y" : "ies",
        report.errors(),
        report.warnings());
    out.flush();
  }

  /** File diagnostics are printed above with their source line; skip their finding copies. */
  private static boolean isFileDiagnostic(LintFinding f, LintReport report) {
    return report.check().fileDiagnostics().stream()
        .anyMatch(d -> d.code().equals(f.code()) && f.message().startsWith(d.message()));
  }

  private static String indent(String text, String prefix) {
    return prefix + text.replace("\n", "\n" + prefix);
  }
}
