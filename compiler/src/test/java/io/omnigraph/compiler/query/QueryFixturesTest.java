package io.omnigraph.compiler.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnigraph.compiler.diag.Diagnostic;
import io.omnigraph.compiler.diag.Result;
import io.omnigraph.compiler.schema.Catalog;
import io.omnigraph.compiler.schema.SchemaCompiler;
import io.omnigraph.compiler.source.SourceText;
import io.omnigraph.compiler.testing.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

  /** The schema of the nearest ancestor folder that holds a {@code .pg} file. */
  static Catalog catalogFor(Path queryFile) {
    for (Path dir = queryFile.getParent(); dir != null; dir = dir.getParent()) {
      List<Path> schemas = schemasIn(dir);
      if (!schemas.isEmpty()) {
        Path pg = schemas.get(0);
        var compiled = SchemaCompiler.compile(pg.toString(), Fixtures.read(pg));
        assertThat(compiled.diagnostics()).as(pg.toString()).isEmpty();
        return compiled.value().catalog();
      }
    }
    throw new AssertionError("no schema.pg above " + queryFile);
  }

  private static List<Path> schemasIn(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".pg")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
