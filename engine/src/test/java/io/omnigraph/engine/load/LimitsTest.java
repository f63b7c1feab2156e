package io.omnigraph.engine.load;

import static io.omnigraph.engine.load.LoadTesting.assertError;
import static io.omnigraph.engine.load.LoadTesting.empty;
import static io.omnigraph.engine.load.LoadTesting.lines;
import static io.omnigraph.engine.load.LoadTesting.person;
import static io.omnigraph.engine.load.LoadTesting.reader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Per-line byte and structural-slot limits, long lines across buffer refills, Reader input. */
class LimitsTest {
  private static LoadException fails(GraphBatchReader.Builder b, String jsonl) {
    LoadException e = catchThrowableOfType(LoadException.class, () -> LoadTesting.read(b, jsonl));
    assertThat(e).isNotNull();
    return e;
  }

  @Test
  void theSpecLimits() {
    assertThat(GraphBatchReader.MAX_LINE_BYTES).isEqualTo(32 * 1024 * 1024);
    assertThat(GraphBatchReader.MAX_STRUCTURAL_SLOTS).isEqualTo(131_072);
  }

  @Test
  void aLineOverTheByteLimitIsAResourceLimitWithItsSize() {
    String longName = "x".repeat(300);
    String big = "{\"type\":\"Person\",\"data\":{\"slug\":\"b\",\"name\":\"" + longName + "\"}}";
    GraphBatchReader.Builder b = reader(empty(), LoadMode.MERGE).maxLineBytes(200);
    LoadException e = fails(b, lines(person("a"), big, person("c")));
    assertError(e, "resource_limit", 2, "over the limit of 200 bytes per graph-batch line");
    assertThat(e.resourceLimit().orElseThrow())
        .isEqualTo(new LoadException.ResourceLimit("graph_batch_line_bytes", 200, big.length()));
    assertThat(e.loadCode().httpStatus()).isEqualTo(413);
  }

  @Test
  void anOverLongLastLineWithoutNewline() {
    String big = "{\"type\":\"Person\",\"data\":{\"slug\":\"" + "y".repeat(500) + "\"}}";
    LoadException e = fails(reader(empty(), LoadMode.MERGE).maxLineBytes(100), big);
    assertThat(e.resourceLimit().orElseThrow().actual()).isEqualTo(big.length());
  }

  @Test
  void aLineAtTheLimitIsFine() {
    String line = person("a");
    StagedBatch b =
        LoadTesting.read(
            reader(empty(), LoadMode.MERGE).maxLineBytes(line.length()), line + "\r\n");
    assertThat(b.totalEntities()).isEqualTo(1);
  }

  @Test
  void structuralSlotsAreCountedPerLine() {
    // {"type":"Person","data":{"slug":"a","name":"a"}} = 11 tokens
    GraphBatchReader.Builder ok = reader(empty(), LoadMode.MERGE).maxStructuralSlots(11);
    assertThat(LoadTesting.read(ok, lines(person("a"), person("b"))).totalEntities()).isEqualTo(2);
    String tagged =
        "{\"type\":\"Person\",\"data\":{\"slug\":\"t\",\"name\":\"t\",\"tags\":[\"1\",\"2\"]}}";
    LoadException e = fails(reader(empty(), LoadMode.MERGE).maxStructuralSlots(11), tagged);
    assertError(e, "resource_limit", 1, "16 JSON structural slots", "over the limit of 11");
    assertThat(e.resourceLimit().orElseThrow())
        .isEqualTo(new LoadException.ResourceLimit("graph_batch_json_structural_slots", 11, 16));
  }

  @Test
  void deepNestingIsRejectedWithoutRecursing() {
    String deep = "[".repeat(5000) + "]".repeat(5000);
    String line =
        "{\"type\":\"Person\",\"data\":{\"slug\":\"a\",\"name\":\"a\",\"tags\":" + deep + "}}";
    LoadException e = fails(reader(empty(), LoadMode.MERGE), line);
    assertError(e, "bad_record", 1, "nesting depth");
  }

  @Test
  void linesLongerThanTheReadBufferAndManySmallLines() {
    List<String> all = new ArrayList<>();
    String name = "n".repeat(300_000);
    all.add("{\"type\":\"Person\",\"data\":{\"slug\":\"long\",\"name\":\"" + name + "\"}}");
    for (int i = 0; i < 5000; i++) {
      all.add(person("p" + i));
    }
    StagedBatch b = LoadTesting.merge(String.join("\n", all));
    StagedNodes p = b.nodes("Person").orElseThrow();
    assertThat(p.size()).isEqualTo(5001);
    assertThat(p.value(0, "name")).isEqualTo(name);
    assertThat(p.id(5000)).isEqualTo("p4999");
  }

  @Test
  void readerInputCountsUtf8Bytes() throws Exception {
    String line = "{\"type\":\"Person\",\"data\":{\"slug\":\"é\",\"name\":\"日本\"}}";
    int bytes = line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    StagedBatch b =
        reader(empty(), LoadMode.MERGE)
            .maxLineBytes(bytes)
            .build()
            .read(new StringReader(line + "\n" + person("😀")));
    assertThat(b.nodes("Person").orElseThrow().id(0)).isEqualTo("é");
    assertThat(b.nodes("Person").orElseThrow().id(1)).isEqualTo("😀");
    LoadException e =
        catchThrowableOfType(
            LoadException.class,
            () ->
                reader(empty(), LoadMode.MERGE)
                    .maxLineBytes(bytes - 1)
                    .build()
                    .read(new StringReader(line)));
    assertThat(e.resourceLimit().orElseThrow().actual()).isEqualTo(bytes);
  }

  @Test
  void anUnpairedSurrogateInReaderInputIsABadRecord() {
    String text = person("a") + "\n" + person("b\uD800");
    LoadException e =
        catchThrowableOfType(
            LoadException.class,
            () -> reader(empty(), LoadMode.MERGE).build().read(new StringReader(text)));
    assertThat(e.code()).isEqualTo("bad_record");
    assertThat(e.getMessage()).contains("not valid Unicode");
  }

  @Test
  void progressIsReportedAtTheEnd() {
    List<long[]> seen = new ArrayList<>();
    LoadTesting.read(
        reader(empty(), LoadMode.MERGE).progress((l, by) -> seen.add(new long[] {l, by})),
        lines(person("a"), person("b")));
    assertThat(seen).isNotEmpty();
    assertThat(seen.get(seen.size() - 1)[0]).isEqualTo(2);
    assertThat(seen.get(seen.size() - 1)[1]).isEqualTo(2L * (person("a").length() + 1));
  }
}
