package io.omnigraph.engine.load;

import static io.omnigraph.engine.load.LoadTesting.assertError;
import static io.omnigraph.engine.load.LoadTesting.empty;
import static io.omnigraph.engine.load.LoadTesting.person;
import static io.omnigraph.engine.load.LoadTesting.reader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Batches over one chunk go through the parser thread; results and errors are the same. */
class PipelineTest {
  private static String batch(int persons, int badAt, String bad) {
    List<String> lines = new ArrayList<>();
    for (int i = 1; i <= persons; i++) {
      lines.add(i == badAt ? bad : person("p" + i));
    }
    return String.join("\n", lines);
  }

  private static LoadException fails(boolean parallel, String text) {
    LoadException e =
        catchThrowableOfType(
            LoadException.class,
            () -> LoadTesting.read(reader(empty(), LoadMode.APPEND).parallel(parallel), text));
    assertThat(e).isNotNull();
    return e;
  }

  @ParameterizedTest(name = "parallel={0}")
  @ValueSource(booleans = {true, false})
  void aParseErrorInALaterChunk(boolean parallel) {
    assertError(fails(parallel, batch(3_000, 2_222, "{oops")), "bad_record", 2_222);
  }

  @ParameterizedTest(name = "parallel={0}")
  @ValueSource(booleans = {true, false})
  void aStagingErrorWhileTheParserIsAhead(boolean parallel) {
    assertError(
        fails(parallel, batch(5_000, 1_300, person("p7"))), "key_conflict", 1_300, "line 7");
  }

  @ParameterizedTest(name = "parallel={0}")
  @ValueSource(booleans = {true, false})
  void aLineLimitInALaterChunk(boolean parallel) {
    String text = batch(3_000, 1_025, person("x".repeat(500)));
    LoadException e =
        catchThrowableOfType(
            LoadException.class,
            () ->
                LoadTesting.read(
                    reader(empty(), LoadMode.MERGE).parallel(parallel).maxLineBytes(400), text));
    assertError(e, "resource_limit", 1_025);
  }

  @Test
  void anIoErrorFromTheStreamReachesTheCaller() {
    byte[] head = (batch(2_000, 0, "") + "\n").getBytes(StandardCharsets.UTF_8);
    InputStream broken =
        new InputStream() {
          private final InputStream first = new ByteArrayInputStream(head);

          @Override
          public int read() throws IOException {
            int b = first.read();
            if (b < 0) {
              throw new IOException("connection reset");
            }
            return b;
          }
        };
    IOException e =
        catchThrowableOfType(
            IOException.class, () -> reader(empty(), LoadMode.MERGE).build().read(broken));
    assertThat(e).hasMessage("connection reset");
  }

  @Test
  void progressIsMonotonicOverManyChunks() throws IOException {
    List<Long> lines = new ArrayList<>();
    GeneratedBatch input = new GeneratedBatch(20_000, 100, 4, 3);
    StagedBatch b =
        LoadTesting.reader(
                LoadTesting.empty(LoadTesting.catalog(GeneratedBatch.SCHEMA)), LoadMode.MERGE)
            .progress((l, bytes) -> lines.add(l))
            .build()
            .read(input);
    assertThat(lines).hasSizeGreaterThanOrEqualTo(2).isSorted();
    assertThat(lines.get(lines.size() - 1)).isEqualTo(b.lines()).isEqualTo(input.lines());
  }
}
