package io.omnigraph.engine.root;

import static io.omnigraph.engine.root.CrashChild.jsonl;
import static io.omnigraph.engine.root.CrashChild.schema;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnigraph.compiler.schema.SchemaCompiler;
import io.omnigraph.engine.failpoint.Failpoints;
import io.omnigraph.engine.load.LoadMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kills a real child JVM at each schema-apply failpoint ({@link CrashChild} {@code apply}: adds
 * type Team, adds {@code Person.city}, soft-drops {@code Person.age}) and checks that the graph is
 * readable under the schema of its last published manifest, that the data of the older version
 * stays readable, and that the next command converges (the dead child's pid lets recovery act).
 */
class SchemaApplyCrashTest {
  private static final String SEED =
      """
      {"type":"Person","data":{"slug":"ada","age":36}}
      {"type":"Person","data":{"slug":"bob","age":41}}
      {"edge":"Knows","from":"ada","to":"bob"}
      """;

  @TempDir Path dir;

  private Path seeded() throws IOException {
    Path g = dir.resolve("g");
    GraphRoot.init(g.toString(), schema(), null, Map.of());
    try (GraphRoot root = GraphRoot.open(g.toString(), Map.of())) {
      root.load(jsonl(SEED), LoadMode.APPEND, "main", null);
      assertThat(root.manifest().version()).isEqualTo(2);
    }
    return g;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        Failpoints.SCHEMA_APPLY_AFTER_SIDECAR,
        Failpoints.SCHEMA_APPLY_AFTER_FIRST_TABLE_WRITE,
        Failpoints.SCHEMA_APPLY_BEFORE_PUBLISH
      })
  void killedBeforePublishKeepsTheOldSchemaAndTheNextApplyConverges(String failpoint)
      throws Exception {
    Path g = seeded();
    crash(failpoint, g);
    assertThat(CrashHarness.sidecars(g)).hasSize(1);
    long locked = Failpoints.SCHEMA_APPLY_AFTER_SIDECAR.equals(failpoint) ? 2 : 3;
    try (GraphRoot root = GraphRoot.open(g.toString(), Map.of())) {
      assertThat(root.manifest().version()).isEqualTo(locked);
      assertThat(root.manifest().schemaDigest()).isEqualTo(schema().digest());
      assertThat(root.listBranches()).containsExactly("main");
      assertThat(root.catalog().nodes()).doesNotContainKey("Team");
      var people = root.snapshot("main").nodes("Person");
      assertThat(people.value(people.rowOf("ada"), "age")).isEqualTo(36L);
      assertThat(AcceptedSchema.source(g.toString(), Map.of())).isEqualTo(CrashChild.SCHEMA);
    }
    applyAgainAndAssert(g);
  }

  @Test
  void killedAfterPublishIsRolledForward() throws Exception {
    Path g = seeded();
    crash(Failpoints.SCHEMA_APPLY_AFTER_PUBLISH, g);
    assertThat(CrashHarness.sidecars(g)).hasSize(1);
    // published: the new schema is effective although the root copy still holds the old one
    assertThat(Files.readString(g.resolve(RootLayout.SCHEMA_PG))).isEqualTo(CrashChild.SCHEMA);
    assertThat(AcceptedSchema.source(g.toString(), Map.of())).isEqualTo(CrashChild.SCHEMA_V2);
    try (GraphRoot root = GraphRoot.open(g.toString(), Map.of())) {
      assertThat(root.manifest().version()).isEqualTo(4);
      assertThat(root.snapshot("main").nodes("Team").size()).isZero();
      root.load(
          jsonl("{\"type\":\"Team\",\"data\":{\"slug\":\"t\"}}"), LoadMode.APPEND, "main", null);
    }
    assertThat(CrashHarness.sidecars(g)).isEmpty();
    assertThat(Files.readString(g.resolve(RootLayout.SCHEMA_PG))).isEqualTo(CrashChild.SCHEMA_V2);
    assertNewSchemaAndOldData(g, 2);
  }

  private static void applyAgainAndAssert(Path g) {
    try (GraphRoot root = GraphRoot.open(g.toString(), Map.of())) {
      var r =
          root.applySchema(
              SchemaCompiler.compile("v2.pg", CrashChild.SCHEMA_V2).value(), false, "retry");
      assertThat(r.applied()).isTrue();
    }
    assertThat(CrashHarness.sidecars(g)).isEmpty();
    assertNewSchemaAndOldData(g, 2);
  }

  private static void assertNewSchemaAndOldData(Path g, long oldVersion) {
    try (GraphRoot root = GraphRoot.open(g.toString(), Map.of())) {
      assertThat(root.manifest().branches()).containsOnlyKeys("main");
      var people = root.snapshot("main").nodes("Person");
      assertThat(people.size()).isEqualTo(2);
      assertThat(people.properties()).containsExactly("slug", "city");
      var old = root.snapshotAt(Long.toString(oldVersion), "main").nodes("Person");
      assertThat(old.value(old.rowOf("bob"), "age")).isEqualTo(41L);
      for (TablePin pin : root.manifest().branch("main").tables().values()) {
        assertThat(root.lance().latestVersion(root.store().tableUri(pin)))
            .as("no table past its pin after convergence")
            .isEqualTo(pin.version());
      }
    }
  }

  /**
   * Runs {@link CrashChild} {@code apply} on {@code g}, expecting the halt at {@code failpoint}.
   */
  private void crash(String failpoint, Path g) throws Exception {
    CrashHarness.crash(
        CrashChild.class, failpoint, dir.resolve("child.log"), "apply", g.toString());
  }
}
