package io.omnigraph.engine.root;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnigraph.compiler.schema.CompiledSchema;
import io.omnigraph.compiler.schema.SchemaCompiler;
import io.omnigraph.engine.graph.NodeTable;
import io.omnigraph.engine.load.LoadMode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Graph branches: create/list/delete, lazy forks onto Lance branches, reads and history. */
class BranchTest {
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

  private static String person(String slug, int age) {
    return "{\"type\":\"Person\",\"data\":{\"slug\":\"" + slug + "\",\"age\":" + age + "}}";
  }

  @BeforeEach
  void init() throws IOException {
    uri = dir.resolve("g").toString();
    CompiledSchema s = SchemaCompiler.compile("s.pg", SCHEMA).value();
    GraphRoot.init(uri, s, "act-init", Map.of());
    try (GraphRoot root = GraphRoot.open(uri, Map.of())) {
      root.load(
          jsonl(
              person("ada", 36),
              "{\"type\":\"Company\",\"data\":{\"slug\":\"acme\"}}",
              "{\"edge\":\"WorksAt\",\"from\":\"ada\",\"to\":\"acme\"}"),
          LoadMode.MERGE,
          "main",
          "act-a");
    }
  }

  private static Object age(RootSnapshot s, String slug) {
    NodeTable t = s.nodes("Person");
    int row = t.rowOf(slug);
    return row < 0 ? null : t.value(row, "age");
  }

  @Test
  void loadOnABranchLeavesMainUnchangedAndForksLazily() throws IOException {
    try (GraphRoot root = GraphRoot.open(uri, Map.of())) {
      Manifest before = root.manifest();
      Manifest created = root.createBranch("review", null);
      assertThat(created.version()).isEqualTo(before.version() + 1);
      assertThat(created.commit()).isNull();
      assertThat(created.branch("review").tables()).isEqualTo(before.branch("main").tables());
      assertThat(created.branch("review").headCommit())
          .isEqualTo(before.branch("main").headCommit());
      assertThat(root.listBranches()).containsExactly("main", "review");

      Commit c =
          root.load(jsonl(person("bob", 20), person("ada", 40)), LoadMode.MERGE, "review", "act-r")
              .commit();
      assertThat(c.parentCommitId()).isEqualTo(before.branch("main").headCommit());
      assertThat(c.graphBranch()).isEqualTo("review");

      Manifest m = root.manifest();
      assertThat(m.branch("review").tables().get("node:Person").lanceBranch()).isEqualTo("review");
      assertThat(m.branch("review").tables().get("node:Company").lanceBranch()).isNull();
      assertThat(m.branch("main").tables()).isEqualTo(before.branch("main").tables());

      RootSnapshot main = root.snapshot("main");
      assertThat(main.nodes("Person").size()).isEqualTo(1);
      assertThat(age(main, "ada")).isEqualTo(36L);
      RootSnapshot review = root.snapshot("review");
      assertThat(review.nodes("Person").size()).isEqualTo(2);
      assertThat(age(review, "ada")).isEqualTo(40L);
      assertThat(review.nodes("Company").size()).isEqualTo(1);
      assertThat(review.edges("WorksAt").size()).isEqualTo(1);

      // main moves on independently; the branch keeps its own state
      root.load(jsonl(person("cy", 50)), LoadMode.MERGE, "main", "act-m");
      assertThat(root.snapshot("main").nodes("Person").size()).isEqualTo(2);
      assertThat(root.snapshot("review").nodes("Person").size()).isEqualTo(2);
      assertThat(root.snapshot("review").nodes("Person").rowOf("cy")).isLessThan(0);

      // a second write on the branch writes on its Lance branch in place
      root.load(jsonl(person("dee", 1)), LoadMode.APPEND, "review", "act-r");
      assertThat(root.snapshot("review").nodes("Person").size()).isEqualTo(3);
      assertThat(root.snapshotInfo("review").datasets())
          .anySatisfy(d -> assertThat(d.nativeDatasetBranch()).isEqualTo("review"));

      // history: own commits then the inherited ones up to genesis
      List<Commit> commits = root.commits("review");
      assertThat(commits).hasSize(4);
      assertThat(commits.get(2).graphCommitId()).isEqualTo(before.branch("main").headCommit());
      assertThat(root.commits("main")).hasSize(3);
    }
  }

  @Test
  void branchOfABranchAndDeletes() throws IOException {
    try (GraphRoot root = GraphRoot.open(uri, Map.of())) {
      root.createBranch("review", "main");
      root.load(jsonl(person("bob", 20)), LoadMode.MERGE, "review", "act");
      root.createBranch("review2", "review");
      root.load(jsonl(person("cy", 30)), LoadMode.MERGE, "review2", "act");
      assertThat(root.snapshot("review2").nodes("Person").size()).isEqualTo(3);
      assertThat(root.snapshot("review").nodes("Person").size()).isEqualTo(2);
      assertThat(root.snapshot("main").nodes("Person").size()).isEqualTo(1);
      assertThat(root.manifest().branch("review2").parent()).isEqualTo("review");

      assertThatThrownBy(() -> root.deleteBranch("main"))
          .isInstanceOf(RootException.class)
          .extracting(e -> ((RootException) e).kind())
          .isEqualTo(RootException.Kind.INVALID_BRANCH_NAME);
      assertThatThrownBy(() -> root.deleteBranch("nope"))
          .extracting(e -> ((RootException) e).kind())
          .isEqualTo(RootException.Kind.BRANCH_NOT_FOUND);
      assertThatThrownBy(() -> root.deleteBranch("review"))
          .extracting(e -> ((RootException) e).kind())
          .isEqualTo(RootException.Kind.BRANCH_HAS_DESCENDANTS);

      String personPath = root.manifest().branch("main").tables().get("node:Person").path();
      Path tree = dir.resolve("g").resolve(personPath).resolve("tree");
      assertThat(Files.exists(tree.resolve("review2"))).isTrue();
      root.deleteBranch("review2");
      assertThat(Files.exists(tree.resolve("review2"))).isFalse();
      root.deleteBranch("review");
      assertThat(Files.exists(tree.resolve("review"))).isFalse();
      assertThat(root.listBranches()).containsExactly("main");
      assertThat(root.snapshot("main").nodes("Person").size()).isEqualTo(1);

      // a deleted name can be created again and starts from its new source
      root.createBranch("review", null);
      root.load(jsonl(person("eve", 2)), LoadMode.MERGE, "review", "act");
      assertThat(root.snapshot("review").nodes("Person").size()).isEqualTo(2);
    }
  }

  @Test
  void nameRules() {
    try (GraphRoot root = GraphRoot.open(uri, Map.of())) {
      root.createBranch("review/2026-07", null);
      for (String bad : List.of("main", "__x", "", "a//b", "a/../b", "sp ace", "review")) {
        assertThatThrownBy(() -> root.createBranch(bad, null))
            .as(bad)
            .extracting(e -> ((RootException) e).kind())
            .isEqualTo(RootException.Kind.INVALID_BRANCH_NAME);
      }
      assertThatThrownBy(() -> root.createBranch("review/2026-07", null))
          .extracting(e -> ((RootException) e).kind())
          .isEqualTo(RootException.Kind.BRANCH_EXISTS);
      assertThatThrownBy(() -> root.createBranch("x", "nope"))
          .extracting(e -> ((RootException) e).kind())
          .isEqualTo(RootException.Kind.BRANCH_NOT_FOUND);
      assertThat(root.listBranches()).containsExactly("main", "review/2026-07");
    }
  }

  @Test
  void slashNamedBranchWritesAndReads() throws IOException {
    try (GraphRoot root = GraphRoot.open(uri, Map.of())) {
      root.createBranch("team/a", null);
      root.load(jsonl(person("bob", 20)), LoadMode.MERGE, "team/a", "act");
      assertThat(root.snapshot("team/a").nodes("Person").size()).isEqualTo(2);
      root.deleteBranch("team/a");
      assertThat(root.listBranches()).containsExactly("main");
    }
  }

  @Test
  void loadFromForksAMissingBranch() throws IOException {
    try (GraphRoot root = GraphRoot.open(uri, Map.of())) {
      assertThatThrownBy(
              () -> root.load(jsonl(person("bob", 20)), LoadMode.MERGE, "feat", null, "act"))
          .extracting(e -> ((RootException) e).kind())
          .isEqualTo(RootException.Kind.BRANCH_NOT_FOUND);
      long v = root.manifest().version();
      LoadResult r = root.load(jsonl(person("bob", 20)), LoadMode.MERGE, "feat", "main", "act");
      assertThat(r.baseBranch()).isEqualTo("main");
      assertThat(r.toJson(uri).get("branch_created").asBoolean()).isTrue();
      assertThat(root.manifest().version()).isEqualTo(v + 2);
      assertThat(root.snapshot("feat").nodes("Person").size()).isEqualTo(2);
      // existing branch: --from is ignored
      LoadResult again = root.load(jsonl(person("cy", 20)), LoadMode.MERGE, "feat", "main", "act");
      assertThat(again.baseBranch()).isNull();
      assertThat(root.snapshot("feat").nodes("Person").size()).isEqualTo(3);
    }
  }

  @Test
  void overwriteOnABranch() throws IOException {
    try (GraphRoot root = GraphRoot.open(uri, Map.of())) {
      root.createBranch("o", null);
      root.load(
          jsonl(
              "{\"type\":\"Company\",\"data\":{\"slug\":\"other\"}}",
              "{\"type\":\"Company\",\"data\":{\"slug\":\"acme\"}}"),
          LoadMode.OVERWRITE,
          "o",
          "act");
      assertThat(root.snapshot("o").nodes("Company").size()).isEqualTo(2);
      assertThat(root.snapshot("main").nodes("Company").size()).isEqualTo(1);
      assertThat(root.snapshot("o").nodes("Company").rowOf("other")).isGreaterThanOrEqualTo(0);
      assertThat(root.snapshot("main").nodes("Company").rowOf("acme")).isGreaterThanOrEqualTo(0);
    }
  }
}
