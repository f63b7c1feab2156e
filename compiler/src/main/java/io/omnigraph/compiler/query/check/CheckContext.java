package io.omnigraph.compiler.query.check;

import io.omnigraph.compiler.diag.Diagnostic;
import io.omnigraph.compiler.query.QueryCode;
import io.omnigraph.compiler.query.ir.QueryParam;
import io.omnigraph.compiler.schema.Catalog;
import io.omnigraph.compiler.source.SourceText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What every checker of one query shares: catalog, source, parameters and diagnostics. */
final class CheckContext {
  final Catalog catalog;
  final SourceText src;
  final Map<String, QueryParam> params = new LinkedHashMap<>();
  final List<Diagnostic> diagnostics = new ArrayList<>();
  boolean usesNow;

  CheckContext(Catalog catalog, SourceText src) {
    this.catalog = catalog;
    this.src = src;
  }

  void error(QueryCode code, int start, int end, String message) {
    diagnostics.add(Diagnostic.error(code.code(), src.position(start, end), message));
  }

  boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  /** Where a span starts, as {@code line:column}, for messages that point at another place. */
  String at(int offset) {
    var p = src.position(offset);
    return p.line() + ":" + p.column();
  }
}
