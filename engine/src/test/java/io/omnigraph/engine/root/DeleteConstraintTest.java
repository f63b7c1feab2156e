package io.omnigraph.engine.root;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnigraph.compiler.query.QueryCompiler;
import io.omnigraph.compiler.schema.SchemaCompiler;
import io.omnigraph.compiler.source.SourceText;
import io.omnigraph.engine.exec.mutate.MutationException;
import io.omnigraph.engine.load.LoadMode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deletions keep {@code @card} minimums: cascades and edge deletes that strand a source fail. */
class DeleteConstraintTest {
  private static final String SCHEMA =
      """
      node Team { slug: String @key }
      node Member { slug: String @key }
      edge In: Member -> Team @card(1..1)
      """;
  private static final String QUERIES =
      """
      query drop_team($t: String) { delete Team where slug = $t }
      query drop_member($m: String) { delete Member where slug = $m }
      query leave($m: String) { delete In where from = $m }
      """;

  @TempDir Path dir;

  private static MutationResult run(GraphRoot root, String name, String params) {
    var q = QueryCompiler.compileOne(root.catalog(), new SourceText("q.gq", QUERIES), name).value();
    return root.mutate(q, WriteFixture.params(params), "main", "t", null);
  }

  @Test
  void deletesThatStrandASourceAreRefusedAndOthersLand() throws Exception {
    String uri = dir.resolve("g").toString();
    GraphRoot.init(uri, SchemaCompiler.compile("s.pg", SCHEMA).value(), null, Map.of());
    try (GraphRoot root = GraphRoot.open(uri, Map.of())) {
      root.load(
          WriteFixture.jsonl(
              """
              {"type":"Team","data":{"slug":"red"}}
              {"type":"Team","data":{"slug":"blue"}}
              {"type":"Member","data":{"slug":"m1"}}
              {"type":"Member","data":{"slug":"m2"}}
              {"edge":"In","from":"m1","to":"red"}
              {"edge":"In","from":"m2","to":"blue"}
              """),
          LoadMode.MERGE,
          "main",
          null);
      long v = root.manifest().version();
      assertThatThrownBy(() -> run(root, "drop_team", "{\"t\":\"red\"}"))
          .isInstanceOfSatisfying(
              MutationException.class,
              e -> {
                assertThat(e.code()).isEqualTo("cardinality_violation");
                assertThat(e.getMessage()).contains("statement 1 (delete Team)").contains("'m1'");
              });
      assertThatThrownBy(() -> run(root, "leave", "{\"m\":\"m2\"}"))
          .isInstanceOfSatisfying(
              MutationException.class,
              e -> assertThat(e.code()).isEqualTo("cardinality_violation"));
      assertThat(root.manifest().version()).isEqualTo(v);

      MutationResult r = run(root, "drop_member", "{\"m\":\"m1\"}"); // its edge goes with it
      assertThat(r.affectedNodes()).isEqualTo(1);
      assertThat(r.affectedEdges()).isEqualTo(1);
      RootSnapshot s = root.snapshot("main");
      assertThat(s.nodes("Member").size()).isEqualTo(1);
      assertThat(s.edges("In").size()).isEqualTo(1);
      assertThat(run(root, "drop_team", "{\"t\":\"red\"}").affectedNodes()).isEqualTo(1);
    }
  }
}
