package io.omnigraph.engine.root;

import java.util.Map;

/**
 * The child process of {@link MaintenanceCrashTest}: {@code optimize <uri>}, {@code cleanup <uri>}
 * ({@code --keep 1 --confirm}) or {@code repair <uri>} ({@code --confirm}), run with {@code
 * -DOMNIGRAPH_FAILPOINTS=<name>}.
 */
final class MaintenanceCrashChild {
  private MaintenanceCrashChild() {}

  public static void main(String[] args) {
    try (GraphRoot root = GraphRoot.open(args[1], Map.of())) {
      switch (args[0]) {
        case "optimize" -> root.optimize();
        case "cleanup" -> root.cleanup(new RetentionPolicy(1, null), true);
        case "repair" -> root.repair(true, false);
        default -> throw new IllegalArgumentException(args[0]);
      }
    }
    System.exit(0);
  }
}
