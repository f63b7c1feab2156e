package io.omnigraph.engine.exec;

import static io.omnigraph.engine.exec.Exec.col;
import static io.omnigraph.engine.exec.Exec.props;
import static io.omnigraph.engine.exec.Exec.row;
import static io.omnigraph.engine.exec.Exec.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.omnigraph.compiler.schema.Catalog;
import io.omnigraph.engine.graph.InMemoryGraph;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchTest {
  static final Catalog CATALOG =
      Exec.catalog(
          """
          node Doc { title: String @key  text: String?  vec: Vector(3)? @embed("text") }
          node Chunk { text: String  emb: Vector(32) @embed("text") }
          node Pinned { text: String  emb: Vector(4) @embed("text", model="text-embedding-3-large") }
          node Raw { text: String  emb: Vector(2) }
          """);

  static final InMemoryGraph G = graph();

  private static InMemoryGraph graph() {
    var b = InMemoryGraph.builder(CATALOG);
    b.node(
            "Doc",
            "d4",
            props(
                "title",
                "d4",
                "text",
                "Language of models: a study",
                "vec",
                new float[] {-1, 0, 0}))
        .node(
            "Doc",
            "d2",
            props("title", "d2", "text", "The model serving stack", "vec", new float[] {0, 1, 0}))
        .node("Doc", "d5", props("title", "d5"))
        .node(
            "Doc",
            "d1",
            props(
                "title",
                "d1",
                "text",
                "Training large language models",
                "vec",
                new float[] {1, 0, 0}))
        .node(
            "Doc",
            "d3",
            props(
                "title",
                "d3",
                "text",
                "Vector databases and search",
                "vec",
                new float[] {0.9f, 0.1f, 0}));
    String[] chunks = {"graph databases", "cooking pasta at home", "vector search engines"};
    for (int i = 0; i < chunks.length; i++) {
      b.node(
          "Chunk",
          "c" + (i + 1),
          props("text", chunks[i], "emb", MockEmbedder.embed(chunks[i], 32)));
    }
    b.node("Pinned", "p1", props("text", "x", "emb", new float[] {1, 0, 0, 0}));
    b.node("Raw", "r1", props("text", "x", "emb", new float[] {1, 0}));
    return b.build();
  }

  private static List<Object> titles(String clause) {
    return col(run(G, "query q() { match { $d: Doc  " + clause + " } return { $d.title } }"));
  }

  @Test
  void searchMatchesEveryAnalysedTerm() {
    assertThat(titles("search($d.text, \"models\")")).containsExactly("d1", "d2", "d4");
    assertThat(titles("search($d.text, \"language models\")")).containsExactly("d1", "d4");
    assertThat(titles("search($d.text, \"Models LANGUAGE\")")).containsExactly("d1", "d4");
    assertThat(titles("search($d.text, \"unicorn models\")")).isEmpty();
    assertThat(titles("search($d.text, \"studies\")")).containsExactly("d4");
    assertThat(titles("search($d.text, \"trained\")")).containsExactly("d1");
  }

  @Test
  void stopWordsAndEmptyQueriesMatchNothing() {
    assertThat(titles("search($d.text, \"the\")")).isEmpty();
    assertThat(titles("search($d.text, \"\")")).isEmpty();
    assertThat(titles("search($d.text, \"the stack\")")).containsExactly("d2");
  }

  @Test
  void matchTextIsAPhrase() {
    assertThat(titles("match_text($d.text, \"large language\")")).containsExactly("d1");
    assertThat(titles("match_text($d.text, \"language large\")")).isEmpty();
    assertThat(titles("match_text($d.text, \"language of the models\")"))
        .containsExactly("d1", "d4");
  }

  @Test
  void fuzzyToleratesEdits() {
    assertThat(titles("fuzzy($d.text, \"modek\")")).containsExactly("d1", "d2", "d4");
    assertThat(titles("fuzzy($d.text, \"modle\")")).isEmpty();
    assertThat(titles("fuzzy($d.text, \"modle\", 2)")).containsExactly("d1", "d2", "d4");
    assertThat(titles("fuzzy($d.text, \"modek\", 0)")).isEmpty();
    assertThat(titles("fuzzy($d.text, \"stak\")")).containsExactly("d2");
  }

  @Test
  void negativeMaxEditsParamIsABadParam() {
    String q =
        "query q($k: I64) { match { $d: Doc  fuzzy($d.text, \"model\", $k) } return { $d.title } }";
    assertThatThrownBy(() -> run(G, q, "{\"k\": -1}"))
        .isInstanceOfSatisfying(
            QueryExecutionException.class,
            e -> assertThat(e.getMessage()).contains("$k").contains("0 or more"));
  }

  @Test
  void searchAsAProjectedValue() {
    String q =
        "query q() { match { $d: Doc } return { $d.title, search($d.text, \"model\") as hit } }";
    assertThat(run(G, q).values())
        .containsExactly(
            row("d1", true), row("d2", true), row("d3", false), row("d4", true), row("d5", false));
  }

  @Test
  void bm25RanksBestFirstAndScoresZeroWithoutTerms() {
    String q =
        "query q($q: String) { match { $d: Doc } return { $d.title, bm25($d.text, $q) as s }"
            + " order { bm25($d.text, $q) } limit 3 }";
    QueryResult r = run(G, q, "{\"q\": \"vector search\"}");
    assertThat(r.column("title")).containsExactly("d3", "d1", "d2");
    // N = 4 documents with text, average length 13/4 analysed terms; d3 has 3 terms.
    double idf = Math.log(1 + (4 - 1 + 0.5) / (1 + 0.5));
    double one = idf * 2.2 / (1 + 1.2 * (1 - 0.75 + 0.75 * 3 / 3.25));
    assertThat((Double) r.column("s").get(0)).isCloseTo(2 * one, within(1e-12));
    assertThat(r.column("s").get(1)).isEqualTo(0.0);
  }

  @Test
  void matchFiltersApplyBeforeRanking() {
    String q =
        "query q() { match { $d: Doc  $d.title != \"d3\" } return { $d.title }"
            + " order { bm25($d.text, \"vector search\") } limit 1 }";
    assertThat(col(run(G, q))).containsExactly("d1");
    String shorter =
        "query q() { match { $d: Doc } return { $d.title }"
            + " order { bm25($d.text, \"language\") } limit 1 }";
    assertThat(col(run(G, shorter))).containsExactly("d4");
  }

  @Test
  void nearestIsCosineDistanceClosestFirstVectorlessLast() {
    String q =
        "query q($v: Vector(3)) { match { $d: Doc } return { $d.title,"
            + " nearest($d.vec, $v) as dist } order { nearest($d.vec, $v) } limit 10 }";
    QueryResult r = run(G, q, "{\"v\": [2, 0, 0]}");
    assertThat(r.column("title")).containsExactly("d1", "d3", "d2", "d4", "d5");
    List<Object> d = r.column("dist");
    assertThat((Double) d.get(0)).isCloseTo(0.0, within(1e-9));
    assertThat((Double) d.get(1)).isCloseTo(1 - 0.9 / Math.sqrt(0.82), within(1e-6));
    assertThat((Double) d.get(2)).isCloseTo(1.0, within(1e-9));
    assertThat((Double) d.get(3)).isCloseTo(2.0, within(1e-9));
    assertThat(d.get(4)).isNull();
  }

  @Test
  void nearestHonoursMatchFiltersAndLimit() {
    String q =
        "query q($v: [F64]) { match { $d: Doc  $d.title != \"d1\" } return { $d.title }"
            + " order { nearest($d.vec, $v) } limit 2 }";
    assertThat(col(run(G, q, "{\"v\": [1, 0, 0]}"))).containsExactly("d3", "d2");
  }

  @Test
  void textQueryWithoutProviderIsATypedError() {
    String q =
        "query q($q: String) { match { $c: Chunk } return { $c.text }"
            + " order { nearest($c.emb, $q) } limit 2 }";
    ExecOptions opts = ExecOptions.defaults().withGraphName("knowledge");
    assertThatThrownBy(() -> run(G, q, "{\"q\": \"graph\"}", opts))
        .isInstanceOfSatisfying(
            QueryExecutionException.class,
            e -> {
              assertThat(e.code()).isEqualTo("embedding_provider_missing");
              assertThat(e.getMessage())
                  .contains("graph 'knowledge'", "embedding_provider", "cluster.yaml", "Chunk.emb");
            });
  }

  @Test
  void textQueryWithTheMockEmbedder() {
    String q =
        "query q($q: String) { match { $c: Chunk } return { $c.text, nearest($c.emb, $q) as d }"
            + " order { nearest($c.emb, $q) } limit 1 }";
    ExecOptions opts = ExecOptions.defaults().withEmbedder(new MockEmbedder());
    QueryResult r = run(G, q, "{\"q\": \"Vector search engines\"}", opts);
    assertThat(r.column("text")).containsExactly("vector search engines");
    assertThat((Double) r.column("d").get(0)).isCloseTo(0.0, within(1e-6));
  }

  @Test
  void embeddingModelMismatchAndMissingSourceAndFailures() {
    String pinned =
        "query q($q: String) { match { $c: Pinned } return { $c.text }"
            + " order { nearest($c.emb, $q) } limit 1 }";
    ExecOptions mock = ExecOptions.defaults().withEmbedder(new MockEmbedder());
    assertThatThrownBy(() -> run(G, pinned, "{\"q\": \"x\"}", mock))
        .isInstanceOfSatisfying(
            QueryExecutionException.class,
            e -> assertThat(e.code()).isEqualTo("embedding_model_mismatch"));
    String raw =
        "query q($q: String) { match { $c: Raw } return { $c.text }"
            + " order { nearest($c.emb, $q) } limit 1 }";
    assertThatThrownBy(() -> run(G, raw, "{\"q\": \"x\"}", mock))
        .isInstanceOfSatisfying(
            QueryExecutionException.class,
            e -> assertThat(e.code()).isEqualTo("embedding_source_missing"));
    Embedder broken =
        new Embedder() {
          @Override
          public String model() {
            return null;
          }

          @Override
          public float[] embedQuery(String text, int dimension) {
            return new float[dimension];
          }
        };
    ExecOptions zero = ExecOptions.defaults().withEmbedder(broken);
    assertThatThrownBy(() -> run(G, pinned, "{\"q\": \"x\"}", zero))
        .isInstanceOfSatisfying(
            QueryExecutionException.class,
            e -> {
              assertThat(e.code()).isEqualTo("embedding_failed");
              assertThat(e.getMessage()).contains("all-zero");
            });
  }

  @Test
  void rrfFusesRanksOverMatchedRows() {
    String q =
        "query q($v: Vector(3), $q: String) { match { $d: Doc } return { $d.title,"
            + " rrf(nearest($d.vec, $v), bm25($d.text, $q)) as score }"
            + " order { rrf(nearest($d.vec, $v), bm25($d.text, $q)) } limit 3 }";
    QueryResult r = run(G, q, "{\"v\": [1, 0, 0], \"q\": \"vector search\"}");
    assertThat(r.column("title")).containsExactly("d3", "d1", "d2");
    assertThat((Double) r.column("score").get(0)).isCloseTo(1.0 / 62 + 1.0 / 61, within(1e-12));
    assertThat((Double) r.column("score").get(1)).isCloseTo(1.0 / 61, within(1e-12));
    assertThat((Double) r.column("score").get(2)).isCloseTo(1.0 / 63, within(1e-12));
  }

  @Test
  void rrfWithExplicitK() {
    String q =
        "query q($v: Vector(3)) { match { $d: Doc  $d.title != \"d3\" } return { $d.title,"
            + " rrf(nearest($d.vec, $v), bm25($d.text, \"study\"), 1) as score }"
            + " order { rrf(nearest($d.vec, $v), bm25($d.text, \"study\"), 1) } limit 2 }";
    QueryResult r = run(G, q, "{\"v\": [1, 0, 0]}");
    // nearest ranks: d1, d2, d4; bm25 ranks: d4. Fused: d4 = 1/4 + 1/2, d1 = 1/2.
    assertThat(r.column("title")).containsExactly("d4", "d1");
    assertThat((Double) r.column("score").get(0)).isCloseTo(0.75, within(1e-12));
  }
}
