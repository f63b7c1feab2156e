package io.omnigraph.compiler.testing;

import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A small, reproducible property-check harness on plain JUnit: runs a check over inputs drawn from
 * seeded generators and, on failure, shrinks the input (deleting pieces while the check still
 * fails) and reports the seed and the smallest failing input.
 *
 * <p>Seeds derive from {@code -Domnigraph.prop.seed} (default fixed), so a run is repeatable; set
 * the property to explore new inputs. {@code -Domnigraph.prop.scale} multiplies every try count.
 */
public final class PropertyCheck {
  private static final long BASE_SEED = Long.getLong("omnigraph.prop.seed", 0x0A11_6EA9L);
  private static final double SCALE =
      Double.parseDouble(System.getProperty("omnigraph.prop.scale", "1"));

  private PropertyCheck() {}

  /** The number of tries after scaling. */
  public static int tries(int base) {
    return Math.max(1, (int) Math.round(base * SCALE));
  }

  /**
   * Runs {@code check} on {@code tries} text inputs from {@code generator}; {@code check} throws
   * (an assertion error or anything else) when the property does not hold.
   */
  public static void forAll(
      String name, int tries, Function<Random, String> generator, Consumer<String> check) {
    int n = tries(tries);
    for (int i = 0; i < n; i++) {
      long seed = BASE_SEED * 31 + name.hashCode() * 1_000_003L + i;
      String input = generator.apply(new Random(seed));
      Throwable failure = failure(check, input);
      if (failure != null) {
        String smallest = shrink(input, s -> failure(check, s) != null);
        throw new AssertionError(
            name
                + ": property failed at try "
                + i
                + " (seed "
                + seed
                + ")\n--- smallest failing input ---\n"
                + smallest
                + "\n--- original input ---\n"
                + input,
            failure(check, smallest));
      }
    }
  }

  private static Throwable failure(Consumer<String> check, String input) {
    try {
      check.accept(input);
      return null;
    } catch (Throwable t) {
      return t;
    }
  }

  /** Greedy shrinking: delete chunks (halving their size) while the input keeps failing. */
  static String shrink(String input, Predicate<String> fails) {
    String current = input;
    for (int chunk = Math.max(1, current.length() / 2); chunk >= 1; chunk /= 2) {
      int i = 0;
      while (i < current.length()) {
        String candidate =
            current.substring(0, i) + current.substring(Math.min(current.length(), i + chunk));
        if (fails.test(candidate)) {
          current = candidate;
        } else {
          i += chunk;
        }
      }
    }
    return current;
  }
}
