package io.omnigraph.cli.queries;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnigraph.cli.CliRunner;
import io.omnigraph.compiler.query.QueryCompiler;
import io.omnigraph.compiler.source.SourceText;
import io.omnigraph.compiler.testing.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Cookbook clusters applied through the real CLI, for the {@code queries} tests. */
final class AppliedCookbooks {
  static final ObjectMapper JSON = new ObjectMapper();

  private AppliedCookbooks() {}

  /**
   * Copies cookbook {@code name} to {@code dir} (optionally a {@code storage:} line) and applies
   * it.
   */
  static Path apply(String name, Path dir, String storage) {
    CliRunner.copyTree(Fixtures.cookbooks().resolve(name), dir);
    if (storage != null) {
      Path yaml = dir.resolve("cluster.yaml");
      try {
        Files.writeString(
            yaml,
            Files.readString(yaml).replace("graphs:\n", "storage: " + storage + "\ngraphs:\n"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    importAndApply(dir);
    return dir;
  }

  /** {@code cluster import} then {@code cluster apply}; asserts convergence. */
  static void importAndApply(Path dir) {
    ok("cluster", "import", "--config", dir.toString(), "--json");
    JsonNode apply =
        json(ok("cluster", "apply", "--config", dir.toString(), "--json", "--as", "ci"));
    assertThat(apply.path("converged").asBoolean()).as(apply.toPrettyString()).isTrue();
  }

  static CliRunner.Run ok(String... args) {
    return run(0, args);
  }

  static CliRunner.Run run(int expected, String... args) {
    CliRunner.Run r = CliRunner.run(args);
    assertThat(r.exitCode())
        .as(String.join(" ", args) + "\nout: " + r.out() + "\nerr: " + r.err())
        .isEqualTo(expected);
    return r;
  }

  static JsonNode json(CliRunner.Run r) {
    try {
      return JSON.readTree(r.out());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + r.out() + r.err(), e);
    }
  }

  /** Every query name the {@code .gq} files of {@code queriesDir} declare (parsed from source). */
  static TreeSet<String> declaredNames(Path queriesDir) {
    TreeSet<String> names = new TreeSet<>();
    try (Stream<Path> s = Files.list(queriesDir)) {
      for (Path f : s.filter(p -> p.toString().endsWith(".gq")).toList()) {
        QueryCompiler.parse(new SourceText(f.toString(), Files.readString(f)))
            .value()
            .queries()
            .forEach(q -> names.add(q.name().text()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return names;
  }
}
