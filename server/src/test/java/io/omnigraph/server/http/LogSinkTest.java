package io.omnigraph.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class LogSinkTest {
  @Test
  void everyLineFromManyThreadsIsWrittenOnceAndEachThreadsLinesKeepTheirOrder() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    LogSink sink = new LogSink(new PrintStream(bytes, false, StandardCharsets.UTF_8));
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int t = 0; t < 16; t++) {
        int thread = t;
        pool.submit(
            () -> {
              for (int i = 0; i < 500; i++) {
                sink.line(thread + ":" + i);
              }
            });
      }
    }
    sink.close();
    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(16 * 500).doesNotHaveDuplicates();
    for (int t = 0; t < 16; t++) {
      String prefix = t + ":";
      List<String> mine = new ArrayList<>();
      lines.stream().filter(l -> l.startsWith(prefix)).forEach(mine::add);
      assertThat(mine).hasSize(500);
      for (int i = 0; i < 500; i++) {
        assertThat(mine.get(i)).isEqualTo(prefix + i);
      }
    }
  }

  @Test
  void linesAppearWithoutACloseAndLinesAfterCloseAreWrittenAtOnce() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    LogSink sink = new LogSink(new PrintStream(bytes, false, StandardCharsets.UTF_8));
    sink.line("first");
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (!bytes.toString(StandardCharsets.UTF_8).contains("first")
        && System.nanoTime() < deadline) {
      Thread.sleep(2);
    }
    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("first" + System.lineSeparator());
    sink.close();
    sink.line("late");
    assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly("first", "late");
  }
}
