package io.omnigraph.engine.root;

import java.util.Map;

/**
 * The child process of {@link WriteCrashTest}: {@code mutate <uri>} (add_friend: a Person and a
 * Knows edge), {@code merge <uri>} (review into main, three-way) or {@code ff <uri>} (review into
 * snap, a fast-forward), run with a failpoint armed so it halts there.
 */
final class WriteCrashChild {
  private WriteCrashChild() {}

  public static void main(String[] args) {
    try (GraphRoot root = GraphRoot.open(args[1], Map.of())) {
      switch (args[0]) {
        case "mutate" ->
            WriteFixture.mutate(
                root, "add_friend", "{\"slug\":\"eve\",\"name\":\"Eve\",\"from\":\"cy\"}", "main");
        case "merge" -> root.merge("review", "main", "crash", false);
        case "ff" -> root.merge("review", "snap", "crash", false);
        default -> throw new IllegalArgumentException(args[0]);
      }
    }
    System.exit(0);
  }
}
