package io.omnigraph.engine.root;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnigraph.compiler.schema.CompiledSchema;
import io.omnigraph.compiler.schema.SchemaCompiler;
import io.omnigraph.engine.load.LoadMode;
import io.omnigraph.storage.ObjectStore;
import io.omnigraph.storage.ObjectStores;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commit history, snapshot reads at older versions and the latest-manifest hint. */
class HistoryTest {
  private static final String SCHEMA =
      """
      node Person { slug: String @key
        age: I32? }
      node Company { slug: String @key }
      edge WorksAt: Person -> Company
      """;

  @TempDir Path dir;
  private String uri;

  private static InputStream jsonl(String... lines) {
    return new ByteArrayInputStream(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
  }

  @BeforeEach
  void init() {
    uri = dir.resolve("g").toString();
    CompiledSchema s = SchemaCompiler.compile("s.pg", SCHEMA).value();
    GraphRoot.init(uri, s, "act-init", Map.of());
  }

  private static int people(RootSnapshot s) {
    return s.nodes("Person").size();
  }

  @Test
  void commitsAreListedNewestFirstAndSnapshotsReadOlderVersions() throws IOException {
    try (GraphRoot root = GraphRoot.open(uri, Map.of())) {
      Commit genesis = root.manifest().commit();
      Commit first =
          root.load(
                  jsonl(
                      "{\"type\":\"Person\",\"data\":{\"slug\":\"ada\",\"age\":36}}",
                      "{\"type\":\"Company\",\"data\":{\"slug\":\"acme\"}}",
                      "{\"edge\":\"WorksAt\",\"from\":\"ada\",\"to\":\"acme\"}"),
                  LoadMode.MERGE,
                  "main",
                  "act-a")
              .commit();
      Commit second =
          root.load(
                  jsonl(
                      "{\"type\":\"Person\",\"data\":{\"slug\":\"ada\",\"age\":37}}",
                      "{\"type\":\"Person\",\"data\":{\"slug\":\"bob\"}}"),
                  LoadMode.MERGE,
                  "main",
                  "act-b")
              .commit();

      List<Commit> commits = root.commits("main");
      assertThat(commits)
          .extracting(Commit::graphCommitId)
          .containsExactly(second.graphCommitId(), first.graphCommitId(), genesis.graphCommitId());
      assertThat(commits).extracting(Commit::graphManifestVersion).containsExactly(3L, 2L, 1L);
      assertThat(commits.get(0).parentCommitId()).isEqualTo(first.graphCommitId());
      assertThat(commits.get(0).actorId()).isEqualTo("act-b");
      assertThat(root.commit(first.graphCommitId())).isEqualTo(first);
      assertThatThrownBy(() -> root.commit("01NOPE"))
          .isInstanceOf(RootException.class)
          .hasMessageContaining("commit not found: 01NOPE")
          .hasMessageContaining("manifest versions 1–3 exist")
          .hasMessageContaining(second.graphCommitId());

      // time travel by commit id, by version number and by witness
      RootSnapshot head = root.snapshot("main");
      assertThat(people(head)).isEqualTo(2);
      assertThat(head.manifestVersion()).isEqualTo(3);
      RootSnapshot old = root.snapshotAt(first.graphCommitId(), "main");
      assertThat(people(old)).isEqualTo(1);
      assertThat(old.commitId()).isEqualTo(first.graphCommitId());
      assertThat(old.manifestVersion()).isEqualTo(2);
      NodeAge age = new NodeAge(old);
      assertThat(age.of("ada")).hasToString("36");
      assertThat(new NodeAge(head).of("ada")).hasToString("37");
      assertThat(people(root.snapshotAt("2", "main"))).isEqualTo(1);
      assertThat(people(root.snapshotAt("v1", "main"))).isZero();
      assertThat(people(root.snapshotAt("manifest:main:v3", "main"))).isEqualTo(2);
      assertThat(root.snapshotAt(genesis.graphCommitId(), "main").commitId())
          .isEqualTo(genesis.graphCommitId());

      assertThatThrownBy(() -> root.snapshotAt("9", "main"))
          .isInstanceOf(RootException.class)
          .satisfies(
              e ->
                  assertThat(((RootException) e).kind())
                      .isEqualTo(RootException.Kind.SNAPSHOT_NOT_FOUND))
          .hasMessageContaining("manifest version 9 does not exist")
          .hasMessageContaining("manifest versions 1–3 exist");
      assertThatThrownBy(() -> root.snapshotAt("01ZZZZZZZZZZZZZZZZZZZZZZZZ", "main"))
          .isInstanceOf(RootException.class)
          .hasMessageContaining("neither a commit id nor a manifest version");

      // snapshot info: pinned dataset versions and row counts
      SnapshotInfo info = root.snapshotInfo("main");
      assertThat(info.graphManifestVersion()).isEqualTo(3);
      assertThat(info.datasets())
          .extracting(d -> d.entityKind() + ":" + d.typeName() + "=" + d.entityCount())
          .containsExactly("node:Company=1", "node:Person=2", "edge:WorksAt=1");
      assertThat(info.datasets().get(0).datasetPath()).startsWith("nodes/");
      assertThat(info.datasets().get(0).nativeDatasetBranch()).isNull();
      assertThat(info.toJson().path("internal_schema_version").asInt()).isEqualTo(6);
      SnapshotInfo before = root.snapshotInfoAt(first.graphCommitId(), "main");
      assertThat(before.graphManifestVersion()).isEqualTo(2);
      assertThat(before.datasets().get(1).entityCount()).isEqualTo(1);
      assertThat(before.datasets().get(1).publishedDatasetVersion())
          .isLessThan(info.datasets().get(1).publishedDatasetVersion());
    }
  }

  @Test
  void latestHintIsWrittenAfterEachPublishAndReadersProbeUpwardOrList() throws IOException {
    try (GraphRoot root = GraphRoot.open(uri, Map.of())) {
      root.load(
          jsonl("{\"type\":\"Person\",\"data\":{\"slug\":\"a\"}}"), LoadMode.MERGE, "main", null);
      root.load(
          jsonl("{\"type\":\"Person\",\"data\":{\"slug\":\"b\"}}"), LoadMode.MERGE, "main", null);
      ObjectStore objects = root.store().objects();
      assertThat(objects.get(RootLayout.MANIFEST_LATEST).orElseThrow().utf8())
          .contains("\"graph_manifest_version\": 3");
    }
    AtomicInteger lists = new AtomicInteger();
    try (ObjectStore real = ObjectStores.open(uri, Map.of())) {
      ObjectStore counting =
          (ObjectStore)
              Proxy.newProxyInstance(
                  ObjectStore.class.getClassLoader(),
                  new Class<?>[] {ObjectStore.class},
                  (proxy, method, args) -> {
                    if (method.getName().equals("list")) {
                      lists.incrementAndGet();
                    }
                    try {
                      return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                      throw e.getCause();
                    }
                  });
      GraphStore store = new GraphStore(counting);
      assertThat(store.latestManifestVersion()).contains(3L);
      assertThat(lists).hasValue(0);

      real.put(RootLayout.MANIFEST_LATEST, "{\"graph_manifest_version\": 1}".getBytes());
      assertThat(store.latestManifestVersion()).contains(3L); // stale hint: probe upward
      assertThat(lists).hasValue(0);

      real.put(RootLayout.MANIFEST_LATEST, "{\"graph_manifest_version\": 99}".getBytes());
      assertThat(store.latestManifestVersion()).contains(3L); // ahead of truth: list
      assertThat(lists).hasValue(1);

      real.put(RootLayout.MANIFEST_LATEST, "not json".getBytes());
      assertThat(store.latestManifestVersion()).contains(3L);
      real.delete(RootLayout.MANIFEST_LATEST);
      assertThat(store.latestManifestVersion()).contains(3L);
      assertThat(lists).hasValue(3);
    }
  }

  /** The {@code age} of a person in a snapshot. */
  private record NodeAge(RootSnapshot s) {
    Object of(String slug) {
      var t = s.nodes("Person");
      return t.value(t.rowOf(slug), "age");
    }
  }
}
