package io.omnigraph.engine.root;

import static io.omnigraph.engine.root.WriteFixture.mutate;
import static io.omnigraph.engine.root.WriteFixture.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Branch merges: outcomes, conflicts of every kind, atomicity, --delete-branch. */
class MergeTest {
  @TempDir Path dir;
  private String uri;
  private GraphRoot root;

  @BeforeEach
  void init() {
    uri = WriteFixture.init(dir);
  }

  private GraphRoot open() {
    root = GraphRoot.open(uri, Map.of());
    return root;
  }

  @org.junit.jupiter.api.AfterEach
  void close() {
    if (root != null) {
      root.close();
    }
  }

  @Test
  void unchangedBranchIsAlreadyUpToDate() {
    open().createBranch("review", null);
    long v = root.manifest().version();
    MergeResult r = root.merge("review", null, "act", false);
    assertThat(r.outcome()).isEqualTo("already_up_to_date");
    assertThat(r.commit()).isNull();
    assertThat(root.manifest().version()).isEqualTo(v);
  }

  @Test
  void fastForwardMovesMainToTheBranchAndSurvivesDeletingIt() {
    open().createBranch("review", null);
    mutate(root, "set_age", "{\"slug\":\"ada\",\"age\":50}", "review");
    mutate(root, "add_friend", "{\"slug\":\"dee\",\"name\":\"Dee\",\"from\":\"cy\"}", "review");
    mutate(root, "remove_person", "{\"slug\":\"bob\"}", "review");
    String reviewHead = root.manifest().branch("review").headCommit();
    assertThat(value(root.snapshot("main"), "ada", "age")).isEqualTo(36L);

    MergeResult r = root.merge("review", "main", "act", true);
    assertThat(r.outcome()).isEqualTo("fast_forward");
    assertThat(r.branchDeleted()).isTrue();
    assertThat(root.listBranches()).containsExactly("main");
    assertThat(root.manifest().branch("main").headCommit()).isEqualTo(reviewHead);
    RootSnapshot main = root.snapshot("main");
    assertThat(value(main, "ada", "age")).isEqualTo(50L);
    assertThat(main.nodes("Person").rowOf("dee")).isNotEqualTo(-1);
    assertThat(main.nodes("Person").rowOf("bob")).isEqualTo(-1);
    assertThat(main.edges("Knows").size()).isEqualTo(1); // cy → dee
    assertThat(root.commits("main").get(0).graphCommitId()).isEqualTo(reviewHead);
    assertThat(root.commits("main")).hasSize(5);
  }

  @Test
  void divergentWorkIsMergedInOneTwoParentCommit() {
    open().createBranch("review", null);
    mutate(root, "set_age", "{\"slug\":\"ada\",\"age\":50}", "review");
    mutate(root, "set_age", "{\"slug\":\"bob\",\"age\":60}", "main");
    mutate(root, "set_age", "{\"slug\":\"cy\",\"age\":9}", "review");
    mutate(root, "set_age", "{\"slug\":\"cy\",\"age\":9}", "main"); // the same change twice
    String mainHead = root.manifest().branch("main").headCommit();
    String reviewHead = root.manifest().branch("review").headCommit();
    long v = root.manifest().version();

    MergeResult r = root.merge("review", "main", "act-merge", false);
    assertThat(r.outcome()).isEqualTo("merged");
    assertThat(r.commit().parentCommitId()).isEqualTo(mainHead);
    assertThat(r.commit().mergedParentCommitId()).isEqualTo(reviewHead);
    assertThat(r.commit().actorId()).isEqualTo("act-merge");
    assertThat(root.manifest().version()).isEqualTo(v + 1);
    RootSnapshot main = root.snapshot("main");
    assertThat(value(main, "ada", "age")).isEqualTo(50L);
    assertThat(value(main, "bob", "age")).isEqualTo(60L);
    assertThat(value(main, "cy", "age")).isEqualTo(9L);
    assertThat(value(root.snapshot("review"), "bob", "age")).isEqualTo(41L);

    // merging again changes nothing
    assertThat(root.merge("review", "main", "act", false).outcome())
        .isEqualTo("already_up_to_date");
  }

  @Test
  void divergentUpdateConflictsAndChangesNothing() {
    open().createBranch("review", null);
    mutate(root, "set_age", "{\"slug\":\"ada\",\"age\":50}", "review");
    mutate(root, "set_age", "{\"slug\":\"ada\",\"age\":51}", "main");
    long v = root.manifest().version();
    assertThatThrownBy(() -> root.merge("review", "main", "act", true))
        .isInstanceOfSatisfying(
            MergeConflictsException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(RootException.Kind.MERGE_CONFLICTS);
              assertThat(e.conflicts())
                  .containsExactly(
                      new MergeConflict(
                          "node",
                          "Person",
                          "ada",
                          "DivergentUpdate",
                          "Person 'ada': both branches updated it differently"));
              assertThat(e.toJson().get(0).path("kind").asText()).isEqualTo("DivergentUpdate");
            });
    assertThat(root.manifest().version()).isEqualTo(v);
    assertThat(value(root.snapshot("main"), "ada", "age")).isEqualTo(51L);
    assertThat(root.listBranches()).contains("review"); // not deleted after a failed merge
  }

  @Test
  void deleteVsUpdateAndDivergentInsertAreReportedTogether() {
    open().createBranch("review", null);
    mutate(root, "remove_person", "{\"slug\":\"cy\"}", "review");
    mutate(root, "set_age", "{\"slug\":\"cy\",\"age\":3}", "main");
    mutate(root, "add_person", "{\"slug\":\"dee\",\"name\":\"D1\"}", "review");
    mutate(root, "add_person", "{\"slug\":\"dee\",\"name\":\"D2\"}", "main");
    assertThatThrownBy(() -> root.merge("review", "main", "act", false))
        .isInstanceOfSatisfying(
            MergeConflictsException.class,
            e ->
                assertThat(e.conflicts().stream().map(MergeConflict::kind).toList())
                    .containsExactlyInAnyOrder("DeleteVsUpdate", "DivergentInsert"));
  }

  @Test
  void orphanEdgeAndUniqueViolationAreConflicts() {
    open().createBranch("review", null);
    mutate(root, "link", "{\"a\":\"cy\",\"b\":\"ada\"}", "review");
    mutate(root, "remove_person", "{\"slug\":\"ada\"}", "main");
    assertThatThrownBy(() -> root.merge("review", "main", "act", false))
        .isInstanceOfSatisfying(
            MergeConflictsException.class,
            e -> {
              assertThat(e.conflicts()).hasSize(1);
              assertThat(e.conflicts().get(0).kind()).isEqualTo("OrphanEdge");
              assertThat(e.conflicts().get(0).entityKind()).isEqualTo("edge");
            });

    root.createBranch("mail", null);
    mutate(root, "set_email", "{\"slug\":\"bob\",\"email\":\"z@x.org\"}", "mail");
    mutate(root, "set_email", "{\"slug\":\"cy\",\"email\":\"z@x.org\"}", "main");
    assertThatThrownBy(() -> root.merge("mail", "main", "act", false))
        .isInstanceOfSatisfying(
            MergeConflictsException.class,
            e -> assertThat(e.conflicts().get(0).kind()).isEqualTo("UniqueViolation"));
  }

  @Test
  void refusedBranchDeletionDoesNotFailTheMerge() {
    open().createBranch("review", null);
    mutate(root, "set_age", "{\"slug\":\"ada\",\"age\":50}", "review");
    root.createBranch("review-child", "review");
    MergeResult r = root.merge("review", "main", "act", true);
    assertThat(r.outcome()).isEqualTo("fast_forward");
    assertThat(r.branchDeleted()).isFalse();
    assertThat(r.branchDeleteError()).contains("descendants");
    assertThat(r.toJson().path("branch_deleted").asBoolean(true)).isFalse();
    assertThat(root.listBranches()).isEqualTo(List.of("main", "review", "review-child"));
  }

  @Test
  void mergingIntoABranchAndUnknownBranches() {
    open().createBranch("a", null);
    root.createBranch("b", null);
    mutate(root, "set_age", "{\"slug\":\"ada\",\"age\":70}", "a");
    assertThat(root.merge("a", "b", "act", false).outcome()).isEqualTo("fast_forward");
    assertThat(value(root.snapshot("b"), "ada", "age")).isEqualTo(70L);
    assertThat(value(root.snapshot("main"), "ada", "age")).isEqualTo(36L);
    assertThatThrownBy(() -> root.merge("zzz", "main", "act", false))
        .isInstanceOfSatisfying(
            RootException.class,
            e -> assertThat(e.kind()).isEqualTo(RootException.Kind.BRANCH_NOT_FOUND));
    assertThatThrownBy(() -> root.merge("a", "a", "act", false)).isInstanceOf(RootException.class);
  }
}
