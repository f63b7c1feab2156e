package io.omnigraph.cluster.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnigraph.cluster.ClusterDiagnostic;
import io.omnigraph.cluster.ClusterDirs;
import io.omnigraph.cluster.Diagnostics;
import io.omnigraph.cluster.config.ConfigReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The digest-keyed memo of schema compiles and query checks never changes what a build reports:
 * identical broken files in two graphs each get their own diagnostic naming their own file, in
 * every build; a file that type-checks against one schema is still checked against another.
 */
class CompileCacheTest {
  @TempDir Path dir;

  private static final String BAD_QUERY =
      "query q($slug: String) {\n  match { $p: Person { slug: $slug } }\n  return { $p.nope }\n}\n";

  private void twoGraphs(String schemaA, String schemaB, String query) {
    ClusterDirs.write(dir, "a.pg", schemaA);
    ClusterDirs.write(dir, "b.pg", schemaB);
    ClusterDirs.write(dir, "qa/q.gq", query);
    ClusterDirs.write(dir, "qb/q.gq", query);
    ClusterDirs.write(
        dir,
        "cluster.yaml",
        "version: 1\nmetadata:\n  name: t\ngraphs:\n  a:\n    schema: a.pg\n    queries: qa/\n"
            + "  b:\n    schema: b.pg\n    queries: qb/\n");
  }

  private List<ClusterDiagnostic> build() {
    Diagnostics d = new Diagnostics();
    DesiredBuilder.build(ConfigReader.read(dir, d).orElseThrow(), d);
    return d.all();
  }

  @Test
  void failuresAreReportedPerFileOnEveryBuild() {
    twoGraphs(ClusterDirs.SCHEMA, ClusterDirs.SCHEMA, BAD_QUERY);
    for (int run = 0; run < 2; run++) {
      List<ClusterDiagnostic> ds = build();
      assertThat(ds).extracting(ClusterDiagnostic::code).containsOnly("query_typecheck_error");
      assertThat(ds)
          .extracting(ClusterDiagnostic::path)
          .containsExactlyInAnyOrder("graphs.a.queries.q", "graphs.b.queries.q");
    }
  }

  @Test
  void aCleanCheckIsNotReusedForAnotherSchema() {
    String good =
        "query q($slug: String) {\n  match { $p: Person { slug: $slug } }\n"
            + "  return { $p.name }\n}\n";
    String withoutName = ClusterDirs.SCHEMA.replace("    name: String\n", "");
    assertThat(withoutName).isNotEqualTo(ClusterDirs.SCHEMA);
    twoGraphs(ClusterDirs.SCHEMA, withoutName, good);
    List<ClusterDiagnostic> ds = build();
    assertThat(ds).extracting(ClusterDiagnostic::path).containsExactly("graphs.b.queries.q");
    twoGraphs(ClusterDirs.SCHEMA, ClusterDirs.SCHEMA, good);
    assertThat(build()).isEmpty();
  }
}
