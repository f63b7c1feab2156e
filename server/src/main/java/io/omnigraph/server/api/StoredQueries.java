package io.omnigraph.server.api;

import io.omnigraph.compiler.diag.Diagnostic;
import io.omnigraph.compiler.diag.Result;
import io.omnigraph.compiler.query.CompiledQueryFile;
import io.omnigraph.compiler.query.QueryCompiler;
import io.omnigraph.compiler.query.ir.CompiledQuery;
import io.omnigraph.compiler.schema.Catalog;
import io.omnigraph.compiler.source.SourceText;
import io.omnigraph.server.boot.AppliedRevision.QueryFile;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The stored-query registry of one graph (06 §2 step 5, step 7 type check). */
public final class StoredQueries {
  private final Map<String, StoredQuery> byName;

  private StoredQueries(Map<String, StoredQuery> byName) {
    this.byName = byName;
  }

  /**
   * Compiles every file against {@code catalog} and registers the named queries (all of a file's
   * queries when it names none).
   *
   * @throws IllegalArgumentException with a readable message when a file does not type-check, a
   *     registered name is not declared, or two files register one name
   */
  public static StoredQueries build(Catalog catalog, List<QueryFile> files) {
    Map<String, StoredQuery> out = new TreeMap<>();
    for (QueryFile f : files) {
      Result<CompiledQueryFile> r =
          QueryCompiler.compile(catalog, new SourceText(f.name(), f.text()));
      if (!r.ok()) {
        String errs =
            r.diagnostics().stream()
                .filter(Diagnostic::isError)
                .map(QueryCompiler::describe)
                .collect(Collectors.joining("; "));
        throw new IllegalArgumentException(
            "stored queries in "
                + f.name()
                + " do not type-check against the live schema: "
                + errs);
      }
      List<String> names =
          f.names().isEmpty()
              ? r.value().queries().stream().map(CompiledQuery::name).toList()
              : f.names();
      for (String n : names) {
        CompiledQuery q =
            r.value()
                .query(n)
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "stored query '" + n + "' is not declared in " + f.name()));
        if (out.put(n, new StoredQuery(n, q)) != null) {
          throw new IllegalArgumentException("duplicate stored query (tool) name '" + n + "'");
        }
      }
    }
    return new StoredQueries(out);
  }

  public Optional<StoredQuery> get(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** Sorted by name. */
  public Collection<StoredQuery> all() {
    return byName.values();
  }

  public int size() {
    return byName.size();
  }
}
