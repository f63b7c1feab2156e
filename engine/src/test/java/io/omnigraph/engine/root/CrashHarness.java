package io.omnigraph.engine.root;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnigraph.engine.failpoint.Failpoints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What the kill-at-failpoint tests share: a child JVM halted at a failpoint, copies of template
 * roots, and the write intents left in a root.
 */
final class CrashHarness {
  private CrashHarness() {}

  /**
   * Runs {@code main} with {@code args} in a child JVM (this JVM's module flags and class path)
   * with {@code failpoint} armed, and asserts that it halted there ({@link Failpoints#EXIT_CODE});
   * the child's output goes to {@code log} and is shown when it did not.
   */
  static void crash(Class<?> main, String failpoint, Path log, String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (a.startsWith("--add-opens")
          || a.startsWith("--enable-native-access")
          || a.startsWith("--sun-misc")
          || a.startsWith("-Xss")) {
        cmd.add(a);
      }
    }
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-D" + Failpoints.KEY + "=" + failpoint);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(main.getName());
    cmd.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().remove(Failpoints.KEY);
    Process p = pb.start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("child did not halt at " + failpoint);
    }
    assertThat(p.exitValue())
        .as(
            "exit of child at %s; output:%n%s",
            failpoint, Files.readString(log, StandardCharsets.UTF_8))
        .isEqualTo(Failpoints.EXIT_CODE);
  }

  /** The write intents ({@code __recovery/*.json}) in root {@code g}. */
  static List<String> sidecars(Path g) {
    Path d = g.resolve(RootLayout.RECOVERY);
    if (!Files.isDirectory(d)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(d)) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".json") && !n.startsWith(".~og."))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies the tree {@code from} to {@code to} (which must not exist) and returns {@code to}. */
  static Path copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    return to;
  }

  /** Deletes the tree {@code g}. */
  static void deleteTree(Path g) throws IOException {
    try (Stream<Path> s = Files.walk(g)) {
      for (Path p : s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.delete(p);
      }
    }
  }
}
