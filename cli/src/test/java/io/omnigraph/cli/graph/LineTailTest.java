package io.omnigraph.cli.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@link LineTail}: bytes pass through unchanged; lines are counted and the last one kept. */
class LineTailTest {
  private static final String STREAM =
      "{\"type\":\"Person\",\"data\":{\"slug\":\"a\"}}\n"
          + "{\"type\":\"Person\",\"data\":{\"slug\":\"b\"}}\n"
          + "{\"baseline\":{\"snapshot_commit_id\":\"C\",\"resume_cursor\":\"R\"}}\n";

  @Test
  void countsLinesAndKeepsTheLastAcrossAnyChunking() throws IOException {
    byte[] bytes = STREAM.getBytes(StandardCharsets.UTF_8);
    for (int chunk : new int[] {1, 3, 7, 40, bytes.length}) {
      ByteArrayOutputStream sink = new ByteArrayOutputStream();
      LineTail t = new LineTail(sink);
      for (int i = 0; i < bytes.length; i += chunk) {
        int n = Math.min(chunk, bytes.length - i);
        if (n == 1) {
          t.write(bytes[i]);
        } else {
          t.write(bytes, i, n);
        }
      }
      assertThat(sink.toString(StandardCharsets.UTF_8)).as("chunk " + chunk).isEqualTo(STREAM);
      assertThat(t.lines()).isEqualTo(3);
      assertThat(t.lastLine().path("baseline").path("resume_cursor").asText()).isEqualTo("R");
    }
  }

  @Test
  void aCutStreamHasNoLastRecord() throws IOException {
    LineTail cut = new LineTail(new ByteArrayOutputStream());
    cut.write(STREAM.substring(0, STREAM.length() - 10).getBytes(StandardCharsets.UTF_8));
    assertThat(cut.lastLine()).isNull();
    LineTail entitiesOnly = new LineTail(new ByteArrayOutputStream());
    entitiesOnly.write("{\"type\":\"Person\",\"data\":{}}\n".getBytes(StandardCharsets.UTF_8));
    assertThat(entitiesOnly.lastLine().has("baseline")).isFalse();
    assertThat(new LineTail(new ByteArrayOutputStream()).lastLine()).isNull();
  }
}
