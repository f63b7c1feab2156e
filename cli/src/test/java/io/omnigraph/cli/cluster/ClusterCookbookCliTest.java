package io.omnigraph.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnigraph.cli.CliEnv;
import io.omnigraph.cli.CliRunner;
import io.omnigraph.cli.cluster.ClusterFixture.Result;
import io.omnigraph.compiler.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every cookbook validates, imports, applies and re-applies as a no-op; maintenance addressing
 * resolves its graph from the applied ledger; {@code init} refuses the cluster-managed root.
 */
class ClusterCookbookCliTest {
  @TempDir Path tmp;

  @Test
  void everyCookbookAppliesAndReappliesAsANoop() throws IOException {
    List<Path> books;
    try (Stream<Path> s = Files.list(Fixtures.cookbooks())) {
      books = s.filter(p -> Files.exists(p.resolve("cluster.yaml"))).sorted().toList();
    }
    assertThat(books).isNotEmpty();
    for (Path book : books) {
      Path dir = tmp.resolve(book.getFileName());
      CliRunner.copyTree(book, dir);
      ClusterFixture c = new ClusterFixtureAt(dir);
      c.ok("validate");
      c.ok("import");
      Result apply = c.ok("apply", "--as", "ci");
      assertThat(apply.json().path("converged").asBoolean()).as(book.toString()).isTrue();
      Result again = c.ok("apply", "--as", "ci");
      assertThat(again.json().path("state_written").asBoolean()).as(book.toString()).isFalse();
      assertThat(again.json().path("applied_count").asInt()).isZero();
      String graph = apply.json().path("changes").get(0).path("resource").asText().substring(6);
      String root = ClusterTargets.resolveGraphRoot(dir.toString(), null, CliEnv.get());
      assertThat(root).endsWith("graphs/" + graph + ".omni");
      var init =
          io.omnigraph.cli.CliRunner.run(
              "init", "--schema", dir.resolve("schema.pg").toString(), root);
      assertThat(init.exitCode()).isEqualTo(1);
      assertThat(init.err()).contains("cluster-managed");
    }
  }

  @Test
  void unknownGraphListsTheAppliedOnes() throws IOException {
    Path book = Fixtures.cookbooks().resolve("pharma-intel");
    Path dir = tmp.resolve("p");
    CliRunner.copyTree(book, dir);
    ClusterFixture c = new ClusterFixtureAt(dir);
    c.ok("import");
    c.ok("apply");
    assertThat(
            org.assertj.core.api.Assertions.catchThrowable(
                () -> ClusterTargets.resolveGraphRoot(dir.toString(), "nope", Map.of())))
        .hasMessageContaining("graph_not_applied")
        .hasMessageContaining("pharma");
    assertThat(
            org.assertj.core.api.Assertions.catchThrowable(
                () ->
                    ClusterTargets.resolveGraphRoot(
                        tmp.resolve("empty").toString(), null, Map.of())))
        .hasMessageContaining("cluster_state_missing");
  }

  /** A fixture over an existing config directory (writes nothing). */
  private static final class ClusterFixtureAt extends ClusterFixture {
    ClusterFixtureAt(Path dir) {
      super(dir);
    }
  }
}
