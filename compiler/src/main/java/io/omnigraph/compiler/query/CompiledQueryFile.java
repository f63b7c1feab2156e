package io.omnigraph.compiler.query;

import io.omnigraph.compiler.query.ir.CompiledQuery;
import java.util.List;
import java.util.Optional;

/**
 * Every query of a {@code .gq} file, compiled.
 *
 * @param fileName the source name
 * @param queries the queries in source order (names are unique)
 */
public record CompiledQueryFile(String fileName, List<CompiledQuery> queries) {
  public CompiledQueryFile {
    queries = List.copyOf(queries);
  }

  public Optional<CompiledQuery> query(String name) {
    return queries.stream().filter(q -> q.name().equals(name)).findFirst();
  }
}
