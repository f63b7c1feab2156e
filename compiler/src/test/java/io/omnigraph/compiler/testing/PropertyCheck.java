package io.omnigraph.compiler.testing;

import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A small property-check harness on plain JUnit: runs a check over inputs drawn from seeded
 * generators and, on failure, reports the seed that reproduces it (and, for text inputs, shrinks
 * the input by deleting pieces while the check still fails).
 *
 * <p>Each test run explores new inputs: the base seed is drawn per JVM unless {@code
 * -Domnigraph.prop.seed=<n>} pins it (a failure message names the seed to pin). {@code
 * -Domnigraph.prop.scale=<x>} multiplies every try count (e.g. 10 for a long local soak).
 *
 * <p>We use this instead of jqwik: jqwik 1.10 ships an "Anti-AI Usage Clause" asking AI coding
 * agents not to use it, and this project is partly developed by such agents. See
 * docs/architecture.md ("Testing").
 */
public final class PropertyCheck {
  private static final long BASE_SEED =
      Long.getLong("omnigraph.prop.seed", new Random().nextLong() & 0xFFFF_FFFFL);
  private static final double SCALE =
      Double.parseDouble(System.getProperty("omnigraph.prop.scale", "1"));

  private PropertyCheck() {}

  /** The number of tries after scaling. */
  public static int tries(int base) {
    return Math.max(1, (int) Math.round(base * SCALE));
  }

  /** The base seed of this run (pin it with {@code -Domnigraph.prop.seed}). */
  public static long baseSeed() {
    return BASE_SEED;
  }

  /**
   * Runs {@code check} on {@code tries} text inputs from {@code generator}; {@code check} throws
   * (an assertion error or anything else) when the property does not hold. Failing inputs are
   * shrunk before they are reported.
   */
  public static void forAll(
      String name, int tries, Function<Random, String> generator, Consumer<String> check) {
    run(name, tries, generator, check, PropertyCheck::shrinkText);
  }

  /** Like {@link #forAll} for any input type; failing inputs are reported as generated. */
  public static <T> void forAllValues(
      String name, int tries, Function<Random, T> generator, Consumer<T> check) {
    run(name, tries, generator, check, (input, c) -> input);
  }

  private interface Shrinker<T> {
    T shrink(T input, Consumer<T> check);
  }

  private static <T> void run(
      String name, int tries, Function<Random, T> generator, Consumer<T> check, Shrinker<T> s) {
    int n = tries(tries);
    for (int i = 0; i < n; i++) {
      long seed = BASE_SEED * 31 + name.hashCode() * 1_000_003L + i;
      T input = generator.apply(new Random(seed));
      Throwable failure = failure(check, input);
      if (failure != null) {
        T smallest = s.shrink(input, check);
        throw new AssertionError(
            name
                + ": property failed at try "
                + i
                + " (reproduce with -Domnigraph.prop.seed="
                + BASE_SEED
                + ")\n--- smallest failing input ---\n"
                + smallest
                + "\n--- original input ---\n"
                + input,
            failure(check, smallest));
      }
    }
  }

  private static <T> Throwable failure(Consumer<T> check, T input) {
    try {
      check.accept(input);
      return null;
    } catch (Throwable t) {
      return t;
    }
  }

  private static String shrinkText(String input, Consumer<String> check) {
    return shrink(input, s -> failure(check, s) != null);
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
