package io.omnigraph.engine.root;

import static io.omnigraph.engine.root.WriteFixture.mutate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.compiler.schema.SchemaCompiler;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commit diffs and the change feed on real Lance graphs (04 §7). */
class ChangeFeedTest {
  @TempDir Path dir;
  private GraphRoot root;

  @BeforeEach
  void init() {
    root = GraphRoot.open(WriteFixture.init(dir), Map.of());
  }

  @AfterEach
  void close() {
    root.close();
  }

  private String head(String branch) {
    return root.manifest().branch(branch).headCommit();
  }

  private static List<String> lines(List<ObjectNode> changes) {
    List<String> out = new ArrayList<>();
    for (ObjectNode c : changes) {
      out.add(
          c.get("kind").asText()
              + " "
              + c.path("type").path("name").asText()
              + " "
              + c.get("id").asText()
              + " "
              + c.get("op").asText());
    }
    return out;
  }

  private CommitChanges all(String id, ChangeFilter f) {
    return root.commitChanges(id, f, null, null);
  }

  @Test
  void theSeedLoadIsInsertsNodesFirstThenEdgesInIdOrder() {
    CommitChanges c = all(head("main"), ChangeFilter.ALL);
    assertThat(c.nextPageToken()).isNull();
    List<String> l = lines(c.changes());
    assertThat(l.subList(0, 3))
        .containsExactly(
            "node Person ada insert", "node Person bob insert", "node Person cy insert");
    assertThat(l).hasSize(5);
    assertThat(l.subList(3, 5)).allMatch(s -> s.startsWith("edge Knows ") && s.endsWith(" insert"));
    ObjectNode ada = c.changes().get(0);
    assertThat(ada.has("before")).isFalse();
    assertThat(ada.path("after").path("data").path("age").asLong()).isEqualTo(36);
    assertThat(ada.path("after").path("data").path("email").asText()).isEqualTo("ada@x.org");
    assertThat(ada.path("type").path("id").asText()).matches("[0-9a-f]{16}-[0-9a-f]{16}");
    ObjectNode edge = c.changes().get(3);
    assertThat(edge.path("after").path("from").asText()).isIn("ada", "bob");
    assertThat(c.cause().actorId()).isEqualTo("act-seed");
    ObjectNode json = c.toJson();
    assertThat(json.path("cause").path("authored_branch").asText()).isEqualTo("main");
    assertThat(json.path("cause").path("authored_at").asLong()).isPositive();
    assertThat(json.path("cause").has("merged_parent_commit_id")).isFalse();
  }

  @Test
  void updatesCarryBeforeAndAfterDeletesCarryBefore() {
    mutate(root, "set_age", "{\"slug\":\"ada\",\"age\":50}", "main");
    CommitChanges u = all(head("main"), ChangeFilter.ALL);
    assertThat(lines(u.changes())).containsExactly("node Person ada update");
    ObjectNode ch = u.changes().get(0);
    assertThat(ch.path("before").path("data").path("age").asLong()).isEqualTo(36);
    assertThat(ch.path("after").path("data").path("age").asLong()).isEqualTo(50);
    assertThat(ch.path("after").path("data").path("name").asText()).isEqualTo("Ada");

    mutate(root, "remove_person", "{\"slug\":\"bob\"}", "main"); // cascades to both Knows edges
    CommitChanges d = all(head("main"), ChangeFilter.ALL);
    assertThat(lines(d.changes())).hasSize(3).first().isEqualTo("node Person bob delete");
    assertThat(d.changes()).allMatch(c -> c.has("before") && !c.has("after"));
    assertThat(lines(d.changes()).subList(1, 3)).allMatch(s -> s.startsWith("edge Knows "));
  }

  @Test
  void filtersByKindTypeAndOp() {
    mutate(root, "add_friend", "{\"slug\":\"dee\",\"name\":\"Dee\",\"from\":\"cy\"}", "main");
    String id = head("main");
    assertThat(lines(all(id, ChangeFilter.of(List.of("edge"), null, null)).changes()))
        .hasSize(1)
        .allMatch(s -> s.startsWith("edge Knows ") && s.endsWith(" insert"));
    assertThat(lines(all(id, ChangeFilter.of(null, List.of("Person"), null)).changes()))
        .containsExactly("node Person dee insert");
    assertThat(all(id, ChangeFilter.of(null, null, List.of("delete"))).changes()).isEmpty();
    assertThatThrownBy(() -> ChangeFilter.of(List.of("vertex"), null, null))
        .isInstanceOfSatisfying(
            RootException.class,
            e -> assertThat(e.kind()).isEqualTo(RootException.Kind.INVALID_ARGUMENT));
  }

  @Test
  void pagesAreStableAndConcatenateToTheWholeDiff() {
    String id = head("main");
    List<String> whole = lines(all(id, ChangeFilter.ALL).changes());
    List<String> paged = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      CommitChanges p = root.commitChanges(id, ChangeFilter.ALL, 2, token);
      assertThat(p.changes()).hasSizeLessThanOrEqualTo(2).isNotEmpty();
      paged.addAll(lines(p.changes()));
      token = p.nextPageToken();
      pages++;
    } while (token != null);
    assertThat(pages).isEqualTo(3);
    assertThat(paged).isEqualTo(whole);
    // the same token twice gives the same page
    String t1 = root.commitChanges(id, ChangeFilter.ALL, 2, null).nextPageToken();
    assertThat(lines(root.commitChanges(id, ChangeFilter.ALL, 2, t1).changes()))
        .isEqualTo(lines(root.commitChanges(id, ChangeFilter.ALL, 2, t1).changes()));
    assertThatThrownBy(
            () -> root.commitChanges(id, ChangeFilter.of(List.of("node"), null, null), 2, t1))
        .hasMessageContaining("change cursor rejected");
    assertThatThrownBy(() -> root.commitChanges(id, ChangeFilter.ALL, 2, "garbage!"))
        .isInstanceOfSatisfying(
            RootException.class,
            e -> assertThat(e.kind()).isEqualTo(RootException.Kind.CHANGE_CURSOR_REJECTED));
    assertThatThrownBy(() -> root.commitChanges(id, ChangeFilter.ALL, 9000, null))
        .hasMessageContaining("limit must be between 1 and 8192");
  }

  @Test
  void genesisIsParentless() {
    String genesis = root.commits("main").getLast().graphCommitId();
    assertThatThrownBy(() -> all(genesis, ChangeFilter.ALL))
        .isInstanceOfSatisfying(
            RootException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(RootException.Kind.CHANGE_DIFF_REFUSED);
              assertThat(e.details())
                  .containsEntry("reason", "parentless_commit")
                  .containsEntry("graph_commit_id", genesis);
            });
    assertThatThrownBy(() -> all("01NOPE", ChangeFilter.ALL))
        .isInstanceOfSatisfying(
            RootException.class,
            e -> assertThat(e.kind()).isEqualTo(RootException.Kind.COMMIT_NOT_FOUND));
  }

  @Test
  void aSchemaApplyIsASchemaBoundary() {
    root.applySchema(
        SchemaCompiler.compile("s.pg", WriteFixture.SCHEMA + "node Tag { label: String @key }\n")
            .value(),
        false,
        "t");
    String id = head("main");
    assertThatThrownBy(() -> all(id, ChangeFilter.ALL))
        .isInstanceOfSatisfying(
            RootException.class,
            e -> assertThat(e.details()).containsEntry("reason", "schema_boundary"));
  }

  @Test
  void mergesNameTheMergedParentAndFastForwardsKeepTheBranchCommits() {
    root.createBranch("review", null);
    mutate(root, "set_age", "{\"slug\":\"ada\",\"age\":50}", "review");
    String reviewCommit = head("review");
    mutate(root, "set_age", "{\"slug\":\"bob\",\"age\":60}", "main");
    MergeResult m = root.merge("review", "main", "act-merge", false);
    CommitChanges c = all(m.commit().graphCommitId(), ChangeFilter.ALL);
    assertThat(c.cause().mergedParentCommitId()).isEqualTo(reviewCommit);
    assertThat(c.toJson().path("cause").path("merged_parent_commit_id").asText())
        .isEqualTo(reviewCommit);
    assertThat(lines(c.changes())).containsExactly("node Person ada update"); // vs first parent

    // fast-forward: main's head becomes the branch commit; its diff is the branch's change
    root.createBranch("ff", null);
    mutate(root, "set_age", "{\"slug\":\"cy\",\"age\":7}", "ff");
    String ffCommit = head("ff");
    assertThat(root.merge("ff", "main", "act", false).outcome()).isEqualTo("fast_forward");
    assertThat(head("main")).isEqualTo(ffCommit);
    CommitChanges f = all(ffCommit, ChangeFilter.ALL);
    assertThat(f.cause().graphBranch()).isEqualTo("ff");
    assertThat(lines(f.changes())).containsExactly("node Person cy update");
    // the feed of main walks first parents: the merge, then the fast-forwarded commit
    ChangeFeedPage p =
        root.pollChanges(
            "main", null, "after:" + m.commit().parentCommitId(), null, ChangeFilter.ALL, null);
    assertThat(p.blocks())
        .extracting(b -> b.path("cause").path("graph_commit_id").asText())
        .containsExactly(m.commit().graphCommitId(), ffCommit);
    assertThat(p.caughtUp()).isTrue();
  }

  @Test
  void theFeedDeliversFirstParentBlocksAndADurableCursor() {
    ChangeFeedPage first = root.pollChanges(null, null, "beginning", null, ChangeFilter.ALL, null);
    assertThat(first.blocks()).hasSize(1); // the seed load (genesis is skipped)
    assertThat(first.blocks().get(0).path("changes")).hasSize(5);
    assertThat(first.caughtUp()).isTrue();
    assertThat(first.nextPageToken()).isNull();
    String cursor = first.cursor();

    ChangeFeedPage idle = root.pollChanges(null, cursor, null, null, ChangeFilter.ALL, null);
    assertThat(idle.blocks()).isEmpty();
    assertThat(idle.caughtUp()).isTrue();

    mutate(root, "set_age", "{\"slug\":\"ada\",\"age\":50}", "main");
    mutate(root, "remove_person", "{\"slug\":\"bob\"}", "main");
    ChangeFeedPage next = root.pollChanges("main", cursor, null, null, ChangeFilter.ALL, null);
    assertThat(next.blocks()).hasSize(2);
    assertThat(next.blocks().get(0).path("changes").get(0).path("op").asText()).isEqualTo("update");
    assertThat(next.blocks().get(1).path("changes")).hasSize(3);

    ChangeFeedPage now = root.pollChanges(null, null, "now", null, ChangeFilter.ALL, null);
    assertThat(now.blocks()).isEmpty();
    assertThat(now.cursor()).isEqualTo(next.cursor());

    // a small limit splits the poll into pages; only the last carries the cursor
    List<String> seen = new ArrayList<>();
    ChangeFeedPage p = root.pollChanges(null, cursor, null, null, ChangeFilter.ALL, 1);
    int pages = 1;
    while (true) {
      p.blocks().forEach(b -> b.path("changes").forEach(c -> seen.add(c.path("id").asText())));
      if (p.nextPageToken() == null) {
        break;
      }
      assertThat(p.cursor()).isNull();
      assertThat(p.caughtUp()).isNull();
      p = root.pollChanges(null, null, null, p.nextPageToken(), ChangeFilter.ALL, 1);
      pages++;
    }
    assertThat(pages).isEqualTo(4);
    assertThat(seen).hasSize(4).startsWith("ada", "bob");
    assertThat(p.cursor()).isEqualTo(next.cursor());
    assertThat(p.caughtUp()).isTrue();

    ChangeFeedPage edgesOnly =
        root.pollChanges(
            null, cursor, null, null, ChangeFilter.of(List.of("edge"), null, null), null);
    assertThat(edgesOnly.blocks()).hasSize(2);
    assertThat(edgesOnly.blocks().get(0).path("changes")).isEmpty();
    assertThat(edgesOnly.blocks().get(1).path("changes")).hasSize(2);
  }

  @Test
  void badCursorsAndArgumentsAreRejected() {
    assertThatThrownBy(
            () -> root.pollChanges(null, "bm90LWEtY3Vyc29y", null, null, ChangeFilter.ALL, null))
        .hasMessageStartingWith("change cursor rejected: ")
        .isInstanceOfSatisfying(
            RootException.class,
            e -> assertThat(e.kind()).isEqualTo(RootException.Kind.CHANGE_CURSOR_REJECTED));
    assertThatThrownBy(
            () -> root.pollChanges(null, null, "after:01UNKNOWN", null, ChangeFilter.ALL, null))
        .hasMessageContaining("not on the first-parent history");
    assertThatThrownBy(() -> root.pollChanges(null, null, null, null, ChangeFilter.ALL, null))
        .hasMessageContaining("exactly one of");
    assertThatThrownBy(
            () -> root.pollChanges(null, null, "yesterday", null, ChangeFilter.ALL, null))
        .hasMessageContaining("start must be");
    String cursor = root.pollChanges(null, null, "now", null, ChangeFilter.ALL, null).cursor();
    root.createBranch("review", null);
    assertThatThrownBy(() -> root.pollChanges("review", cursor, null, null, ChangeFilter.ALL, null))
        .hasMessageContaining("belongs to branch main");
    assertThatThrownBy(() -> root.pollChanges("nope", null, "now", null, ChangeFilter.ALL, null))
        .isInstanceOfSatisfying(
            RootException.class,
            e -> assertThat(e.kind()).isEqualTo(RootException.Kind.BRANCH_NOT_FOUND));
  }

  @Test
  void aCursorOlderThanCleanupIsAGap() {
    String cursor = root.pollChanges(null, null, "now", null, ChangeFilter.ALL, null).cursor();
    mutate(root, "set_age", "{\"slug\":\"ada\",\"age\":50}", "main");
    mutate(root, "set_age", "{\"slug\":\"ada\",\"age\":51}", "main");
    String newest = head("main");
    root.cleanup(new RetentionPolicy(1, null), true);
    assertThatThrownBy(() -> root.pollChanges(null, cursor, null, null, ChangeFilter.ALL, null))
        .isInstanceOfSatisfying(
            RootException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(RootException.Kind.CHANGE_FEED_GAP);
              assertThat(e.details())
                  .containsEntry("first_unreadable_commit_id", newest)
                  .containsEntry("cursor", cursor);
            });
    assertThatThrownBy(
            () -> root.pollChanges(null, null, "beginning", null, ChangeFilter.ALL, null))
        .isInstanceOfSatisfying(
            RootException.class,
            e -> assertThat(e.kind()).isEqualTo(RootException.Kind.CHANGE_FEED_GAP));
    assertThatThrownBy(() -> all(newest, ChangeFilter.ALL))
        .isInstanceOfSatisfying(
            RootException.class,
            e -> assertThat(e.kind()).isEqualTo(RootException.Kind.CHANGE_FEED_GAP));
    ChangeFeedPage now = root.pollChanges(null, null, "now", null, ChangeFilter.ALL, null);
    mutate(root, "set_age", "{\"slug\":\"ada\",\"age\":52}", "main");
    assertThat(root.pollChanges(null, now.cursor(), null, null, ChangeFilter.ALL, null).blocks())
        .hasSize(1);
  }

  @Test
  void aBaselineIsTheBranchStateAndAResumeCursor() throws Exception {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    ObjectNode r =
        root.changesBaseline(out, null, ChangeFilter.of(null, List.of("Person", "Knows"), null));
    List<String> lines = out.toString(java.nio.charset.StandardCharsets.UTF_8).lines().toList();
    assertThat(r.path("entities").asLong()).isEqualTo(5);
    assertThat(lines).hasSize(6);
    assertThat(lines.get(0)).contains("\"type\":\"Person\"");
    com.fasterxml.jackson.databind.JsonNode last =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(lines.get(5));
    assertThat(last.path("baseline").path("snapshot_commit_id").asText()).isEqualTo(head("main"));
    String cursor = last.path("baseline").path("resume_cursor").asText();
    mutate(root, "set_age", "{\"slug\":\"ada\",\"age\":50}", "main");
    ChangeFeedPage p = root.pollChanges(null, cursor, null, null, ChangeFilter.ALL, null);
    assertThat(p.blocks()).hasSize(1);

    java.io.ByteArrayOutputStream none = new java.io.ByteArrayOutputStream();
    root.changesBaseline(none, null, ChangeFilter.of(List.of("edge"), List.of("Person"), null));
    assertThat(none.toString(java.nio.charset.StandardCharsets.UTF_8).lines()).hasSize(1);
  }

  @Test
  void aRenamedTypeKeepsItsTypeId() {
    String noteId = CommitDiff.typeId(root.manifest().branch("main").tables().get("node:Note"));
    String cursor = root.pollChanges(null, null, "now", null, ChangeFilter.ALL, null).cursor();
    String v2 =
        WriteFixture.SCHEMA
            .replace("node Note {", "node Memo @rename_from(\"Note\") {")
            .replace("Person -> Note", "Person -> Memo");
    root.applySchema(SchemaCompiler.compile("s.pg", v2).value(), false, "t");
    var q =
        io.omnigraph.compiler.query.QueryCompiler.compileOne(
                root.catalog(),
                new io.omnigraph.compiler.source.SourceText(
                    "q.gq", "query add_memo($t: String) { insert Memo { text: $t } }"),
                "add_memo")
            .value();
    root.mutate(q, WriteFixture.params("{\"t\":\"hello\"}"), "main", "act", null);
    CommitChanges c = all(head("main"), ChangeFilter.ALL);
    assertThat(c.changes()).hasSize(1);
    assertThat(c.changes().get(0).path("type").path("name").asText()).isEqualTo("Memo");
    assertThat(c.changes().get(0).path("type").path("id").asText()).isEqualTo(noteId);
    assertThat(c.changes().get(0).path("after").path("data").path("text").asText())
        .isEqualTo("hello");
    // the feed crosses the schema apply as a refused block and continues after it
    ChangeFeedPage p = root.pollChanges(null, cursor, null, null, ChangeFilter.ALL, null);
    assertThat(p.blocks()).hasSize(2);
    assertThat(p.blocks().get(0).path("refusal").asText()).isEqualTo("schema_boundary");
    assertThat(p.blocks().get(0).path("changes")).isEmpty();
    assertThat(p.blocks().get(1).path("changes")).hasSize(1);
    assertThat(p.caughtUp()).isTrue();
  }
}
