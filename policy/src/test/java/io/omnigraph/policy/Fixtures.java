package io.omnigraph.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The shared cookbook fixtures (shared/fixtures/cookbooks, found upwards from the working dir). */
final class Fixtures {
  private Fixtures() {}

  static Path cookbooks() {
    String override = System.getenv("OMNIGRAPH_COOKBOOKS");
    if (override != null && !override.isBlank()) {
      return Path.of(override);
    }
    Path dir = Path.of("").toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      for (Path candidate :
          new Path[] {
            d.resolve("shared/fixtures/cookbooks"), d.resolve("../shared/fixtures/cookbooks")
          }) {
        if (Files.isDirectory(candidate)) {
          return candidate.normalize();
        }
      }
    }
    throw new IllegalStateException(
        "cannot find shared/fixtures/cookbooks; set OMNIGRAPH_COOKBOOKS");
  }

  static String read(String relative) {
    try {
      return Files.readString(cookbooks().resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String intel() {
    return read("industry-intel/policies/intel.policy.yaml");
  }

  static String server() {
    return read("industry-intel/policies/server.policy.yaml");
  }
}
