package io.omnigraph.engine.load;

import static io.omnigraph.engine.load.LoadTesting.assertError;
import static io.omnigraph.engine.load.LoadTesting.empty;
import static io.omnigraph.engine.load.LoadTesting.fails;
import static io.omnigraph.engine.load.LoadTesting.lines;
import static io.omnigraph.engine.load.LoadTesting.reader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Left-out {@code @embed} vectors: rejected without an embedder, computed with one. */
class EmbedderTest {
  private final List<List<String>> calls = new ArrayList<>();

  /** Embeds a text as (length, 0, 0) or the given fixed vector. */
  private Embedder embedder(float[] fixed) {
    return (texts, model) -> {
      calls.add(texts);
      List<float[]> out = new ArrayList<>();
      texts.forEach(t -> out.add(fixed != null ? fixed : new float[] {t.length(), 0, 0}));
      return out;
    };
  }

  private static String doc(String id, String text, String emb) {
    String t = text == null ? "" : ",\"text\":\"" + text + "\"";
    String e = emb == null ? "" : ",\"emb\":" + emb;
    return "{\"type\":\"Doc\",\"data\":{\"id\":\"" + id + "\"" + t + e + "}}";
  }

  private StagedBatch withEmbedder(Embedder e, String jsonl) {
    return LoadTesting.read(reader(empty(), LoadMode.MERGE).embedder(e), jsonl);
  }

  @Test
  void withoutAnEmbedderAMissingEmbedVectorIsATypedError() {
    LoadException e = fails(lines(doc("d1", "hi", "[1,0,0]"), doc("d2", "hello", null)));
    assertError(
        e,
        "missing_embedding",
        2,
        "Doc.emb is an @embed(\"text\") vector",
        "no embedding provider is bound",
        "give the vector in data.emb or bind embedding_provider");
  }

  @Test
  void theEmbedderFillsLeftOutVectorsNormalized() {
    StagedNodes docs =
        withEmbedder(embedder(null), lines(doc("d1", "abc", null), doc("d2", "x", "[0,2,0]")))
            .nodes("Doc")
            .orElseThrow();
    assertThat((float[]) docs.value(0, "emb")).containsExactly(1f, 0f, 0f);
    assertThat((float[]) docs.value(1, "emb")).containsExactly(0f, 2f, 0f); // given: kept
    assertThat(calls).containsExactly(List.of("abc"));
  }

  @Test
  void textsAreSentInChunks() {
    List<String> all = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      all.add(doc("d" + i, "t" + i, null));
    }
    withEmbedder(embedder(null), String.join("\n", all));
    assertThat(calls).extracting(List::size).containsExactly(64, 64, 22);
  }

  @Test
  void aWrongDimensionFromTheEmbedderIsReported() {
    LoadException e =
        catchThrowableOfType(
            LoadException.class,
            () -> withEmbedder(embedder(new float[] {1, 2}), lines(doc("d1", "abc", null))));
    assertError(e, "embedding_failed", 1, "returned 2 numbers for Doc.emb, which is Vector(3)");
  }

  @Test
  void aFailingEmbedderBecomesALoadError() {
    Embedder broken =
        (t, m) -> {
          throw new IllegalStateException("provider down");
        };
    LoadException e =
        catchThrowableOfType(
            LoadException.class, () -> withEmbedder(broken, lines(doc("d1", "abc", null))));
    assertError(e, "embedding_failed", 1, "the embedder failed: provider down");
  }

  @Test
  void noSourceTextForARequiredVector() {
    LoadException e =
        catchThrowableOfType(
            LoadException.class, () -> withEmbedder(embedder(null), lines(doc("d1", null, null))));
    assertError(e, "missing_property", 1, "Doc.emb is left out to be embedded from 'text'");
  }

  @Test
  void anInvalidBatchCostsNoEmbeddingCalls() {
    LoadException e =
        catchThrowableOfType(
            LoadException.class,
            () ->
                withEmbedder(
                    embedder(null),
                    lines(
                        doc("d1", "abc", null),
                        "{\"edge\":\"Knows\",\"from\":\"x\",\"to\":\"y\"}")));
    assertThat(e.code()).isEqualTo("unknown_endpoint");
    assertThat(calls).isEmpty();
  }

  @Test
  void aLaterRecordWithTheVectorCancelsTheEmbedding() {
    withEmbedder(embedder(null), lines(doc("d1", "abc", null), doc("d1", "abc", "[0,0,1]")));
    assertThat(calls).isEmpty();
  }
}
