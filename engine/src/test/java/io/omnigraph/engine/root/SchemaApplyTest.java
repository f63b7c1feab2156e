package io.omnigraph.engine.root;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnigraph.compiler.migrate.DropMode;
import io.omnigraph.compiler.migrate.MigrationStep;
import io.omnigraph.compiler.schema.CompiledSchema;
import io.omnigraph.compiler.schema.SchemaCompiler;
import io.omnigraph.engine.load.LoadMode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schema apply on real Lance datasets: every step kind, refusals, time travel across schemas. */
class SchemaApplyTest {
  static final String V1 =
      """
      node Person { slug: String @key
        name: String?
        age: I32?
        nick: String? }
      node Company { slug: String @key }
      edge WorksAt: Person -> Company
      """;
  static final String SEED =
      """
      {"type":"Person","data":{"slug":"ada","name":"Ada","age":36,"nick":"A"}}
      {"type":"Person","data":{"slug":"bob","name":"Bob","age":41,"nick":"B"}}
      {"type":"Company","data":{"slug":"acme"}}
      {"edge":"WorksAt","from":"ada","to":"acme"}
      """;

  @TempDir Path dir;

  static CompiledSchema compile(String text) {
    var r = SchemaCompiler.compile("desired.pg", text);
    assertThat(r.errors()).isEmpty();
    return r.value();
  }

  static InputStream jsonl(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  private String seeded() throws IOException {
    String uri = dir.resolve("g").toString();
    GraphRoot.init(uri, compile(V1), "test", Map.of());
    try (GraphRoot root = GraphRoot.open(uri, Map.of())) {
      root.load(jsonl(SEED), LoadMode.MERGE, "main", "test");
    }
    return uri;
  }

  @Test
  void softDropKeepsOldVersionsReadableAndAddsRenamesWork() throws IOException {
    String uri = seeded();
    String v2 =
        """
        node Person { slug: String @key
          full_name: String? @rename_from("name")
          city: String?
          age: I32? }
        node Company { slug: String @key
          size: I64? }
        edge WorksAt: Person -> Company
        node Team { slug: String @key }
        """;
    try (GraphRoot root = GraphRoot.open(uri, Map.of())) {
      long before = root.manifest().version();
      SchemaApplyPreview p = root.previewSchemaApply(compile(v2), false);
      assertThat(p.supported()).isTrue();
      assertThat(p.noop()).isFalse();
      assertThat(root.manifest().version()).isEqualTo(before); // preview has no effect
      assertThat(p.plan().steps())
          .anySatisfy(s -> assertThat(s).isInstanceOf(MigrationStep.RenameProperty.class))
          .anySatisfy(
              s ->
                  assertThat(s)
                      .isEqualTo(
                          new MigrationStep.DropProperty(
                              io.omnigraph.compiler.schema.TypeKind.NODE,
                              "Person",
                              "nick",
                              DropMode.SOFT)));

      SchemaApplyResult r = root.applySchema(compile(v2), false, "alice");
      assertThat(r.applied()).isTrue();
      assertThat(r.commitId()).isNotNull();
      assertThat(r.graphManifestVersion()).isEqualTo(before + 2); // lock, then the schema
      Manifest m = root.manifest();
      assertThat(m.schemaDigest()).isEqualTo(compile(v2).digest());
      assertThat(m.branches()).containsOnlyKeys("main");
      assertThat(m.commit().actorId()).isEqualTo("alice");
      assertThat(root.listBranches()).containsExactly("main");

      RootSnapshot now = root.snapshot("main");
      var people = now.nodes("Person");
      int ada = people.rowOf("ada");
      assertThat(people.value(ada, "full_name")).isEqualTo("Ada");
      assertThat(people.value(ada, "city")).isNull();
      assertThat(people.value(ada, "age")).isEqualTo(36L);
      assertThat(people.properties()).doesNotContain("nick", "name");
      assertThat(now.nodes("Team").size()).isZero();
      assertThat(now.edges("WorksAt").size()).isEqualTo(1);

      // the older manifest version still returns the dropped property, under its old schema
      RootSnapshot old = root.snapshotAt(Long.toString(before), "main");
      var oldPeople = old.nodes("Person");
      assertThat(oldPeople.value(oldPeople.rowOf("ada"), "nick")).isEqualTo("A");
      assertThat(oldPeople.value(oldPeople.rowOf("ada"), "name")).isEqualTo("Ada");

      // loads after the apply use the new schema (a column added mid-declaration included)
      root.load(
          jsonl(
              """
              {"type":"Person","data":{"slug":"cy","full_name":"Cy","city":"Oslo","age":5}}
              {"type":"Team","data":{"slug":"t1"}}
              {"type":"Company","data":{"slug":"acme","size":10}}
              """),
          LoadMode.MERGE,
          "main",
          "test");
      RootSnapshot after = root.snapshot("main");
      assertThat(after.nodes("Person").value(after.nodes("Person").rowOf("cy"), "city"))
          .isEqualTo("Oslo");
      assertThat(after.nodes("Team").size()).isEqualTo(1);
      assertThat(after.nodes("Company").value(0, "size")).isEqualTo(10L);
    }
    // a fresh open sees the new schema; the root copies were refreshed
    try (GraphRoot root = GraphRoot.open(uri, Map.of())) {
      assertThat(root.catalog().nodes()).containsKey("Team");
      assertThat(Files.readString(Path.of(uri, "_schema.pg"))).contains("full_name");
      assertThat(AcceptedSchema.source(uri, Map.of())).contains("full_name");
      assertThat(root.commits("main").get(0).actorId()).isEqualTo("test");
    }
  }

  @Test
  void renameAndDropTypesKeepData() throws IOException {
    String uri = seeded();
    String v2 =
        """
        node Human @rename_from("Person") { slug: String @key
          name: String?
          age: I32?
          nick: String? }
        """;
    try (GraphRoot root = GraphRoot.open(uri, Map.of())) {
      long before = root.manifest().version();
      root.applySchema(compile(v2), false, "t");
      RootSnapshot now = root.snapshot("main");
      assertThat(now.nodes("Human").size()).isEqualTo(2);
      assertThat(root.manifest().branch("main").tables()).containsOnlyKeys("node:Human");
      RootSnapshot old = root.snapshotAt("v" + before, "main");
      assertThat(old.nodes("Company").size()).isEqualTo(1);
      assertThat(old.edges("WorksAt").size()).isEqualTo(1);

      // re-adding a dropped type gives a fresh (empty) incarnation
      SchemaApplyResult back =
          root.applySchema(compile(v2 + "node Company { slug: String @key }\n"), false, "t");
      assertThat(back.applied()).isTrue();
      TablePin pin = root.manifest().branch("main").tables().get("node:Company");
      assertThat(pin.path()).endsWith("-0000000000000002");
      assertThat(root.snapshot("main").nodes("Company").size()).isZero();
    }
  }

  @Test
  void hardDropRemovesOldVersions() throws IOException {
    String uri = seeded();
    String v2 =
        """
        node Person { slug: String @key
          name: String?
          age: I32? }
        node Company { slug: String @key }
        """;
    try (GraphRoot root = GraphRoot.open(uri, Map.of())) {
      long before = root.manifest().version();
      TablePin edges = root.manifest().branch("main").tables().get("edge:WorksAt");
      SchemaApplyResult r = root.applySchema(compile(v2), true, "t");
      assertThat(r.preview().plan().steps())
          .allSatisfy(
              s -> {
                if (s instanceof MigrationStep.DropProperty d) {
                  assertThat(d.mode()).isEqualTo(DropMode.HARD);
                }
              });
      assertThat(Files.exists(Path.of(uri, edges.path()))).isFalse();
      assertThat(root.snapshot("main").nodes("Person").size()).isEqualTo(2);
      // snapshots read lazily: the older version fails once its tables are read
      assertThatThrownBy(() -> root.snapshotAt("v" + before, "main").materialize())
          .isInstanceOf(RuntimeException.class);
    }
  }

  @Test
  void refusalsHappenBeforeAnyEffect() throws IOException {
    String uri = seeded();
    try (GraphRoot root = GraphRoot.open(uri, Map.of())) {
      long v = root.manifest().version();
      String required = V1.replace("nick: String?", "nick: String?\n  must: String");
      assertThatThrownBy(() -> root.applySchema(compile(required), false, "t"))
          .isInstanceOfSatisfying(
              RootException.class,
              e -> assertThat(e.kind()).isEqualTo(RootException.Kind.SCHEMA_PLAN_UNSUPPORTED));
      assertThat(root.manifest().version()).isEqualTo(v);

      root.createBranch("feature", "main");
      String add = V1.replace("nick: String?", "nick: String?\n  more: String?");
      SchemaApplyPreview p = root.previewSchemaApply(compile(add), false);
      assertThat(p.blockingBranches()).containsExactly("feature");
      assertThatThrownBy(() -> root.applySchema(compile(add), false, "t"))
          .isInstanceOfSatisfying(
              RootException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(RootException.Kind.SCHEMA_APPLY_BLOCKED_BY_BRANCHES);
                assertThat(e.getMessage()).contains("feature").contains("delete");
              });
      root.deleteBranch("feature");
      long w = root.manifest().version();

      // a lock branch left by another process's apply refuses a second one
      Manifest m = root.manifest();
      var branches = new java.util.TreeMap<>(m.branches());
      branches.put(SchemaApply.LOCK, m.branch("main"));
      assertThat(root.store().publish(new Manifest(w + 1, m.schemaDigest(), branches, null)))
          .isTrue();
      assertThat(root.listBranches()).containsExactly("main");
      assertThatThrownBy(() -> root.applySchema(compile(add), false, "t"))
          .isInstanceOfSatisfying(
              RootException.class,
              e -> assertThat(e.kind()).isEqualTo(RootException.Kind.SCHEMA_APPLY_IN_PROGRESS));
      SchemaApplyRecovery.unlock(root.store());
      assertThat(root.applySchema(compile(add), false, "t").applied()).isTrue();

      // the same schema again is a no-op that publishes nothing
      long now = root.manifest().version();
      SchemaApplyResult again = root.applySchema(compile(add), false, "t");
      assertThat(again.applied()).isFalse();
      assertThat(again.preview().noop()).isTrue();
      assertThat(again.commitId()).isNull();
      assertThat(again.graphManifestVersion()).isEqualTo(now);
      assertThat(root.manifest().version()).isEqualTo(now);
    }
  }

  @Test
  void concurrentAppliesInOneProcessSerialize() throws Exception {
    String uri = seeded();
    String add = V1.replace("nick: String?", "nick: String?\n  more: String?");
    try (GraphRoot a = GraphRoot.open(uri, Map.of());
        GraphRoot b = GraphRoot.open(uri, Map.of())) {
      var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
      var fa = pool.submit(() -> a.applySchema(compile(add), false, "a"));
      var fb = pool.submit(() -> b.applySchema(compile(add), false, "b"));
      SchemaApplyResult ra = fa.get();
      SchemaApplyResult rb = fb.get();
      pool.shutdown();
      assertThat(ra.applied() ^ rb.applied()).isTrue(); // one applied, the other found a no-op
      assertThat(a.snapshot("main").nodes("Person").properties()).contains("more");
    }
  }
}
