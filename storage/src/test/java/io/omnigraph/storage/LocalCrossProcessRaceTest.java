package io.omnigraph.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Separate JVMs racing on one local root: create-if-absent and compare-and-swap each have exactly
 * one winner, and CAS retry loops across processes lose no increment (the file lock works).
 */
class LocalCrossProcessRaceTest {
  private static final int PROCESSES = 4;
  private static final int INCREMENTS = 25;

  @TempDir Path temp;

  @ParameterizedTest(name = "hardLinks={0}")
  @ValueSource(booleans = {true, false})
  void processesRacingOnOneKeyHaveExactlyOneWinner(boolean hardLinks) throws Exception {
    Path root = temp.resolve("root");
    Path sync = Files.createDirectories(temp.resolve("sync"));
    LocalObjectStore store = new LocalObjectStore(root, hardLinks);
    VersionToken start = store.put("race/cas", "start".getBytes(StandardCharsets.UTF_8));
    store.put("race/counter", "0".getBytes(StandardCharsets.UTF_8));

    List<Process> children = new ArrayList<>();
    for (int i = 0; i < PROCESSES; i++) {
      children.add(spawn(root, sync, i, hardLinks, start));
    }
    awaitReady(sync, children);
    Files.createFile(sync.resolve("go"));
    List<String> output = collect(children);

    assertThat(output).filteredOn("create=won"::equals).hasSize(1);
    assertThat(output).filteredOn("create=lost"::equals).hasSize(PROCESSES - 1);
    assertThat(output).filteredOn("cas=won"::equals).hasSize(1);
    assertThat(output).filteredOn("cas=lost"::equals).hasSize(PROCESSES - 1);
    assertThat(store.get("race/counter").orElseThrow().utf8())
        .isEqualTo(Integer.toString(PROCESSES * INCREMENTS));
    assertThat(store.get("race/created").orElseThrow().utf8()).startsWith("racer-");
    assertThat(store.list("")).containsExactly("race/cas", "race/counter", "race/created");
  }

  private static Process spawn(Path root, Path sync, int id, boolean hardLinks, VersionToken start)
      throws IOException {
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xshare:auto",
            "-XX:TieredStopAtLevel=1",
            "-cp",
            System.getProperty("java.class.path"),
            LocalRaceChild.class.getName(),
            root.toString(),
            sync.toString(),
            Integer.toString(id),
            Boolean.toString(hardLinks),
            start.value(),
            Integer.toString(INCREMENTS));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  private static void awaitReady(Path sync, List<Process> children) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    for (int i = 0; i < children.size(); i++) {
      while (!Files.exists(sync.resolve("ready-" + i))) {
        if (!children.get(i).isAlive() || System.nanoTime() > deadline) {
          throw new AssertionError("racer " + i + " did not start: " + output(children.get(i)));
        }
        Thread.sleep(5);
      }
    }
  }

  private static List<String> collect(List<Process> children) throws Exception {
    List<String> lines = new ArrayList<>();
    for (Process child : children) {
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("racer finished").isTrue();
      String out = output(child);
      assertThat(child.exitValue()).as("racer exit code; output:%n%s", out).isZero();
      lines.addAll(out.lines().toList());
    }
    return lines;
  }

  private static String output(Process child) throws IOException {
    if (child.isAlive()) {
      child.destroyForcibly();
    }
    return new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }
}
