package io.omnigraph.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds the shared cookbook fixtures for benchmarks ({@code OMNIGRAPH_COOKBOOKS} overrides). */
final class BenchFixtures {
  private BenchFixtures() {}

  static Path cookbooks() {
    String override = System.getenv("OMNIGRAPH_COOKBOOKS");
    if (override != null && !override.isBlank()) {
      return Path.of(override);
    }
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      for (Path c :
          List.of(
              d.resolve("shared/fixtures/cookbooks"), d.resolve("../shared/fixtures/cookbooks"))) {
        if (Files.isDirectory(c)) {
          return c.normalize();
        }
      }
    }
    throw new IllegalStateException(
        "cannot find shared/fixtures/cookbooks; set OMNIGRAPH_COOKBOOKS");
  }

  /** The cookbook folders (each holds schema.pg and queries/). */
  static List<Path> books() {
    try (Stream<Path> s = Files.list(cookbooks())) {
      return s.filter(p -> Files.isRegularFile(p.resolve("schema.pg"))).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Path> queryFiles(Path book) {
    try (Stream<Path> s = Files.walk(book)) {
      return s.filter(p -> p.toString().endsWith(".gq")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
