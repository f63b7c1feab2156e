package io.omnigraph.compiler.query;

import io.omnigraph.compiler.diag.Diagnostic;
import io.omnigraph.compiler.diag.Position;
import io.omnigraph.compiler.diag.Result;
import io.omnigraph.compiler.query.ast.QueryAst;
import io.omnigraph.compiler.query.ast.QueryAst.QueryDecl;
import io.omnigraph.compiler.query.check.QueryChecker;
import io.omnigraph.compiler.query.ir.CompiledQuery;
import io.omnigraph.compiler.query.ir.QueryKind;
import io.omnigraph.compiler.query.parse.QueryParser;
import io.omnigraph.compiler.schema.Catalog;
import io.omnigraph.compiler.source.SourceText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Entry point of the query language: {@code .gq} text plus a schema {@link Catalog} in, typed
 * {@link CompiledQuery} values (or coded diagnostics) out. Pure: no I/O, and no input makes it
 * throw — every problem is a {@link Diagnostic} with a code ({@link QueryCode}), a line and a
 * column.
 *
 * <ul>
 *   <li>{@link #parse(SourceText)}: syntax only ({@code Q000});
 *   <li>{@link #check(Catalog, SourceText)}: every query checked separately, for linters and for
 *       tools that report per query;
 *   <li>{@link #compile(Catalog, SourceText)}: all or nothing, for registries of stored queries;
 *   <li>{@link #compileOne(Catalog, SourceText, String)}: the query to run, selected by name (the
 *       name may be null when the file declares exactly one query);
 *   <li>{@link #describe(Diagnostic)}: the wire spelling {@code "T4: … (line 3, column 9)"} used in
 *       lint JSON and HTTP errors.
 * </ul>
 *
 * <p>A file with a syntax error fails {@code compile} and {@code compileOne} as a whole, even for
 * queries that parsed: the error may sit in the declaration that was meant.
 */
public final class QueryCompiler {
  private QueryCompiler() {}

  /** Parses a file. The value is present when there is no syntax error. */
  public static Result<QueryAst.File> parse(SourceText src) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    try {
      QueryAst.File file = QueryParser.parse(src, diagnostics);
      return hasErrors(diagnostics) ? Result.failed(diagnostics) : Result.ok(file, diagnostics);
    } catch (RuntimeException | StackOverflowError e) {
      diagnostics.add(internalError(src, e));
      return Result.failed(diagnostics);
    }
  }

  /** Parses the file and checks every query that parsed, each on its own. */
  public static QueryFileCheck check(Catalog catalog, SourceText src) {
    List<Diagnostic> fileDiagnostics = new ArrayList<>();
    QueryAst.File file;
    try {
      file = QueryParser.parse(src, fileDiagnostics);
    } catch (RuntimeException | StackOverflowError e) {
      fileDiagnostics.add(internalError(src, e));
      return new QueryFileCheck(src.name(), List.of(), fileDiagnostics);
    }
    duplicates(src, file, fileDiagnostics);
    List<QueryOutcome> outcomes = new ArrayList<>();
    for (QueryDecl q : file.queries()) {
      outcomes.add(checkOne(catalog, src, q));
    }
    return new QueryFileCheck(src.name(), outcomes, fileDiagnostics);
  }

  /** Compiles every query of the file; fails if any diagnostic is an error. */
  public static Result<CompiledQueryFile> compile(Catalog catalog, SourceText src) {
    QueryFileCheck check = check(catalog, src);
    if (!check.ok()) {
      return Result.failed(check.diagnostics());
    }
    List<CompiledQuery> queries = check.queries().stream().map(q -> q.result().value()).toList();
    return Result.ok(new CompiledQueryFile(src.name(), queries), check.diagnostics());
  }

  /**
   * Compiles the query called {@code name}, or the only query of the file when {@code name} is
   * null. Fails with {@code Q004} when there is no such query (or a name is needed to choose).
   */
  public static Result<CompiledQuery> compileOne(Catalog catalog, SourceText src, String name) {
    QueryFileCheck check = check(catalog, src);
    if (check.fileDiagnostics().stream().anyMatch(Diagnostic::isError)) {
      return Result.failed(check.fileDiagnostics());
    }
    List<QueryOutcome> queries = check.queries();
    if (name == null && queries.size() == 1) {
      return queries.get(0).result();
    }
    if (name != null) {
      var found = check.query(name);
      if (found.isPresent()) {
        return found.get().result();
      }
    }
    return Result.failed(List.of(notFound(src, name, queries)));
  }

  /** {@code "T4: message (line 3, column 9)"}: a diagnostic as one wire string. */
  public static String describe(Diagnostic d) {
    String where = d.line() > 0 ? " (line " + d.line() + ", column " + d.column() + ")" : "";
    return d.code() + ": " + d.message() + where;
  }

  private static QueryOutcome checkOne(Catalog catalog, SourceText src, QueryDecl q) {
    QueryKind kind = q.isMutation() ? QueryKind.MUTATION : QueryKind.READ;
    Position at = src.position(q.start(), q.name().end());
    Result<CompiledQuery> r;
    try {
      r = QueryChecker.check(catalog, src, q);
    } catch (RuntimeException | StackOverflowError e) {
      r = Result.failed(List.of(internalError(src, e)));
    }
    return new QueryOutcome(q.name().text(), kind, at, r);
  }

  private static void duplicates(SourceText src, QueryAst.File file, List<Diagnostic> out) {
    Map<String, QueryDecl> seen = new HashMap<>();
    for (QueryDecl q : file.queries()) {
      QueryDecl prior = seen.putIfAbsent(q.name().text(), q);
      if (prior != null) {
        Position p = src.position(prior.name().start());
        out.add(
            Diagnostic.error(
                QueryCode.DUPLICATE_QUERY.code(),
                src.position(q.name().start(), q.name().end()),
                "query '"
                    + q.name().text()
                    + "' is already declared at line "
                    + p.line()
                    + "; query names must be unique, rename one"));
      }
    }
  }

  private static Diagnostic notFound(SourceText src, String name, List<QueryOutcome> queries) {
    String names = String.join(", ", queries.stream().map(QueryOutcome::name).toList());
    String msg;
    if (queries.isEmpty()) {
      msg = "the query source declares no query; write query name(…) { … }";
    } else if (name == null) {
      msg = "the query source declares several queries (" + names + "); choose one by name";
    } else {
      msg = "no query named '" + name + "' in the source; it declares " + names;
    }
    return Diagnostic.error(
        QueryCode.QUERY_NOT_FOUND.code(), new Position(src.name(), 0, 0, -1, -1), msg);
  }

  private static boolean hasErrors(List<Diagnostic> ds) {
    return ds.stream().anyMatch(Diagnostic::isError);
  }

  static Diagnostic internalError(SourceText src, Throwable e) {
    return Diagnostic.error(
        QueryCode.INTERNAL.code(),
        new Position(src.name(), 1, 1, 0, 0),
        "internal compiler error ("
            + e.getClass().getSimpleName()
            + "); please report it with the query that caused it");
  }
}
