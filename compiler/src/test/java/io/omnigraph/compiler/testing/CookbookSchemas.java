package io.omnigraph.compiler.testing;

import io.omnigraph.compiler.schema.Catalog;
import io.omnigraph.compiler.schema.SchemaCompiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds and compiles the schema a cookbook query file is written against. */
public final class CookbookSchemas {
  private CookbookSchemas() {}

  /** The catalog of the {@code .pg} file in the nearest ancestor folder of {@code queryFile}. */
  public static Catalog catalogFor(Path queryFile) {
    Path pg = schemaFor(queryFile);
    var compiled = SchemaCompiler.compile(pg.toString(), Fixtures.read(pg));
    if (!compiled.ok()) {
      throw new AssertionError(pg + " does not compile: " + compiled.diagnostics());
    }
    return compiled.value().catalog();
  }

  /** The {@code .pg} file in the nearest ancestor folder of {@code queryFile}. */
  public static Path schemaFor(Path queryFile) {
    for (Path dir = queryFile.getParent(); dir != null; dir = dir.getParent()) {
      List<Path> schemas = schemasIn(dir);
      if (!schemas.isEmpty()) {
        return schemas.get(0);
      }
    }
    throw new AssertionError("no .pg schema above " + queryFile);
  }

  private static List<Path> schemasIn(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".pg")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
