package io.omnigraph.compiler.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnigraph.compiler.diag.Diagnostic;
import io.omnigraph.compiler.diag.Result;
import io.omnigraph.compiler.schema.Catalog;
import io.omnigraph.compiler.source.SourceText;
import io.omnigraph.compiler.testing.CookbookSchemas;
import io.omnigraph.compiler.testing.Fixtures;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every cookbook {@code .gq} type-checks with zero diagnostics against the {@code .pg} schema of
 * its cookbook (the nearest ancestor folder holding one). New fixtures are picked up by the walk.
 */
class QueryFixturesTest {
  static Stream<Path> queryFiles() {
    return Fixtures.files(".gq").stream();
  }

  @Test
  void corpusIsNotEmpty() {
    assertThat(Fixtures.files(".gq")).hasSizeGreaterThanOrEqualTo(10);
  }

  @ParameterizedTest
  @MethodSource("queryFiles")
  void typeChecksCleanly(Path file) {
    Catalog catalog = catalogFor(file);
    var src = new SourceText(file.toString(), Fixtures.read(file));
    Result<CompiledQueryFile> r = QueryCompiler.compile(catalog, src);
    assertThat(r.diagnostics()).as(file.toString()).extracting(Diagnostic::render).isEmpty();
    assertThat(r.value().queries()).isNotEmpty();
  }

  static Catalog catalogFor(Path queryFile) {
    return CookbookSchemas.catalogFor(queryFile);
  }
}
