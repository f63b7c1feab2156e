package io.omnigraph.compiler.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Locates the shared cookbook fixtures (../shared/fixtures/cookbooks next to the repository). */
public final class Fixtures {
  private Fixtures() {}

  /** The cookbooks folder; searched upwards from the working directory. */
  public static Path cookbooks() {
    String override = System.getenv("OMNIGRAPH_COOKBOOKS");
    if (override != null && !override.isBlank()) {
      return Path.of(override);
    }
    Path dir = Path.of("").toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      Path candidate = d.resolve("shared/fixtures/cookbooks");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
      Path sibling = d.resolve("../shared/fixtures/cookbooks").normalize();
      if (Files.isDirectory(sibling)) {
        return sibling;
      }
    }
    throw new IllegalStateException(
        "cannot find shared/fixtures/cookbooks above " + dir + "; set OMNIGRAPH_COOKBOOKS");
  }

  /** Every file under the cookbooks folder whose name ends with {@code suffix}, sorted. */
  public static List<Path> files(String suffix) {
    try (Stream<Path> s = Files.walk(cookbooks())) {
      return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
