package io.omnigraph.engine.root;

import static io.omnigraph.engine.root.WriteFixture.mutate;
import static io.omnigraph.engine.root.WriteFixture.query;
import static io.omnigraph.engine.root.WriteFixture.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnigraph.engine.exec.QueryExecutionException;
import io.omnigraph.engine.exec.mutate.MutationException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mutations on a real Lance-backed root: semantics, atomicity, constraints, conditions. */
class MutationTest {
  @TempDir Path dir;
  private String uri;

  @BeforeEach
  void init() {
    uri = WriteFixture.init(dir);
  }

  private GraphRoot open() {
    return GraphRoot.open(uri, Map.of());
  }

  @Test
  void keyedInsertIsAnUpsertOfTheWholeRowAndOneCommit() {
    try (GraphRoot root = open()) {
      String head = root.manifest().branch("main").headCommit();
      long v = root.manifest().version();
      MutationResult r =
          mutate(root, "add_person", "{\"slug\":\"dee\",\"name\":\"Dee\",\"age\":30}", "main");
      assertThat(r.affectedNodes()).isEqualTo(1);
      assertThat(r.affectedEdges()).isZero();
      assertThat(r.commit().parentCommitId()).isEqualTo(head);
      assertThat(r.commit().actorId()).isEqualTo("act-m");
      assertThat(r.commit().graphManifestVersion()).isEqualTo(v + 1);
      assertThat(root.manifest().version()).isEqualTo(v + 1);
      assertThat(value(root.snapshot("main"), "dee", "age")).isEqualTo(30L);

      // same key again: the row is replaced (age left out → null), no second entity
      mutate(root, "add_person", "{\"slug\":\"dee\",\"name\":\"Dee D\"}", "main");
      RootSnapshot s = root.snapshot("main");
      assertThat(value(s, "dee", "name")).isEqualTo("Dee D");
      assertThat(value(s, "dee", "age")).isNull();
      assertThat(s.nodes("Person").size()).isEqualTo(4);
      assertThat(r.toJson().path("commit").path("graph_commit_id").asText())
          .isEqualTo(r.commit().graphCommitId());
    }
  }

  @Test
  void severalStatementsPublishOneCommitAndAFailureLeavesNothing() {
    try (GraphRoot root = open()) {
      long v = root.manifest().version();
      MutationResult r =
          mutate(
              root, "add_friend", "{\"slug\":\"eve\",\"name\":\"Eve\",\"from\":\"ada\"}", "main");
      assertThat(r.affectedNodes()).isEqualTo(1);
      assertThat(r.affectedEdges()).isEqualTo(1);
      assertThat(root.manifest().version()).isEqualTo(v + 1);
      RootSnapshot s = root.snapshot("main");
      assertThat(s.edges("Knows").size()).isEqualTo(3);

      assertThatThrownBy(
              () ->
                  mutate(
                      root,
                      "add_friend",
                      "{\"slug\":\"fay\",\"name\":\"Fay\",\"from\":\"nobody\"}",
                      "main"))
          .isInstanceOfSatisfying(
              MutationException.class,
              e -> {
                assertThat(e.code()).isEqualTo("unknown_endpoint");
                assertThat(e.statement()).isEqualTo(2);
                assertThat(e.getMessage()).startsWith("statement 2 (insert Knows): ");
              });
      assertThat(root.manifest().version()).isEqualTo(v + 1);
      assertThat(root.snapshot("main").nodes("Person").rowOf("fay")).isEqualTo(-1);
    }
  }

  @Test
  void updatesChangeMatchingRowsAndNoMatchPublishesNothing() {
    try (GraphRoot root = open()) {
      mutate(root, "set_age", "{\"slug\":\"cy\",\"age\":7}", "main");
      assertThat(value(root.snapshot("main"), "cy", "age")).isEqualTo(7L);
      assertThat(value(root.snapshot("main"), "cy", "name")).isEqualTo("Cy");

      long v = root.manifest().version();
      MutationResult none = mutate(root, "set_age", "{\"slug\":\"zed\",\"age\":7}", "main");
      assertThat(none.commit()).isNull();
      assertThat(none.affectedNodes()).isZero();
      assertThat(root.manifest().version()).isEqualTo(v);

      MutationResult many = mutate(root, "retire_older", "{\"age\":20}", "main");
      assertThat(many.affectedNodes()).isEqualTo(2); // ada 36, bob 41
      RootSnapshot s = root.snapshot("main");
      assertThat(value(s, "ada", "status")).isEqualTo("retired");
      assertThat(value(s, "bob", "status")).isEqualTo("retired");
      assertThat(value(s, "cy", "status")).isNull();
    }
  }

  @Test
  void constraintsAreCheckedBeforePublish() {
    try (GraphRoot root = open()) {
      long v = root.manifest().version();
      assertThatThrownBy(() -> mutate(root, "set_age", "{\"slug\":\"cy\",\"age\":200}", "main"))
          .isInstanceOfSatisfying(
              MutationException.class, e -> assertThat(e.code()).isEqualTo("range_violation"));
      assertThatThrownBy(
              () -> mutate(root, "set_email", "{\"slug\":\"bob\",\"email\":\"ada@x.org\"}", "main"))
          .isInstanceOfSatisfying(
              MutationException.class, e -> assertThat(e.code()).isEqualTo("unique_violation"));
      assertThatThrownBy(
              () -> mutate(root, "set_status", "{\"slug\":\"bob\",\"status\":\"bogus\"}", "main"))
          .isInstanceOfSatisfying(
              QueryExecutionException.class,
              e -> {
                assertThat(e.code()).isEqualTo("bad_param");
                assertThat(e.getMessage()).contains("$status");
              });
      assertThatThrownBy(() -> mutate(root, "set_age", "{\"slug\":\"cy\"}", "main"))
          .isInstanceOf(QueryExecutionException.class);
      assertThat(root.manifest().version()).isEqualTo(v);
    }
  }

  @Test
  void deletingANodeCascadesToItsEdges() {
    try (GraphRoot root = open()) {
      MutationResult r = mutate(root, "remove_person", "{\"slug\":\"bob\"}", "main");
      assertThat(r.affectedNodes()).isEqualTo(1);
      assertThat(r.affectedEdges()).isEqualTo(2);
      RootSnapshot s = root.snapshot("main");
      assertThat(s.nodes("Person").rowOf("bob")).isEqualTo(-1);
      assertThat(s.edges("Knows").size()).isZero();

      MutationResult edges = mutate(root, "remove_knows", "{\"from\":\"ada\"}", "main");
      assertThat(edges.commit()).isNull(); // already gone
    }
  }

  @Test
  void unkeyedInsertsAreStrictWithNewIds() {
    try (GraphRoot root = open()) {
      mutate(root, "add_note", "{\"text\":\"hi\",\"by\":\"ada\"}", "main");
      mutate(root, "add_note", "{\"text\":\"hi\",\"by\":\"ada\"}", "main");
      RootSnapshot s = root.snapshot("main");
      assertThat(s.nodes("Note").size()).isEqualTo(2);
      assertThat(s.nodes("Note").id(0)).isNotEqualTo(s.nodes("Note").id(1));
    }
  }

  @Test
  void conditionalWriteRunsOnlyOnTheExpectedHead() {
    try (GraphRoot root = open()) {
      String head = root.manifest().branch("main").headCommit();
      var q = query(root.catalog(), "set_age");
      MutationResult ok =
          root.mutate(q, WriteFixture.params("{\"slug\":\"cy\",\"age\":1}"), "main", "a", head);
      assertThat(ok.commit()).isNotNull();
      long v = root.manifest().version();
      assertThatThrownBy(
              () ->
                  root.mutate(
                      q, WriteFixture.params("{\"slug\":\"cy\",\"age\":2}"), "main", "a", head))
          .isInstanceOfSatisfying(
              RootException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(RootException.Kind.PRECONDITION_FAILED);
                assertThat(e.details())
                    .containsEntry("expected", head)
                    .containsEntry("actual", ok.commit().graphCommitId());
              });
      assertThat(root.manifest().version()).isEqualTo(v);
      assertThat(value(root.snapshot("main"), "cy", "age")).isEqualTo(1L);
    }
  }

  @Test
  void mutationOnABranchLeavesMainUnchanged() {
    try (GraphRoot root = open()) {
      root.createBranch("review", null);
      mutate(root, "set_age", "{\"slug\":\"ada\",\"age\":99}", "review");
      mutate(root, "remove_person", "{\"slug\":\"cy\"}", "review");
      assertThat(value(root.snapshot("review"), "ada", "age")).isEqualTo(99L);
      assertThat(root.snapshot("review").nodes("Person").rowOf("cy")).isEqualTo(-1);
      assertThat(value(root.snapshot("main"), "ada", "age")).isEqualTo(36L);
      assertThat(root.snapshot("main").nodes("Person").rowOf("cy")).isNotEqualTo(-1);
      assertThatThrownBy(() -> mutate(root, "set_age", "{\"slug\":\"ada\",\"age\":1}", "nope"))
          .isInstanceOfSatisfying(
              RootException.class,
              e -> assertThat(e.kind()).isEqualTo(RootException.Kind.BRANCH_NOT_FOUND));
    }
  }

  @Test
  void concurrentWritersSerializeAndPinnedReadersKeepTheirSnapshot() throws Exception {
    RootSnapshot pinned;
    long pinnedVersion;
    try (GraphRoot root = open()) {
      pinned = root.snapshot("main");
      pinnedVersion = root.manifest().version();
    }
    int threads = 4;
    int each = 3;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int id = t;
      done.add(
          pool.submit(
              () -> {
                try (GraphRoot root = open()) {
                  for (int i = 0; i < each; i++) {
                    String slug = "p" + id + "_" + i;
                    mutate(
                        root, "add_person", "{\"slug\":\"" + slug + "\",\"name\":\"x\"}", "main");
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    try (GraphRoot root = open()) {
      assertThat(root.snapshot("main").nodes("Person").size()).isEqualTo(3 + threads * each);
      assertThat(root.manifest().version()).isEqualTo(pinnedVersion + threads * each);
      List<Commit> history = root.commits("main");
      assertThat(history).hasSize(2 + threads * each); // genesis + seed + one per mutation
      assertThat(pinned.nodes("Person").size()).isEqualTo(3); // the pinned snapshot is unchanged
      RootSnapshot old = root.snapshotAt(Long.toString(pinnedVersion), "main");
      assertThat(old.nodes("Person").size()).isEqualTo(3);
    }
  }
}
