package io.omnigraph.cli;

import java.util.HashMap;
import java.util.Map;

/**
 * The environment commands read (storage credentials, {@code OMNIGRAPH_HOME}): the process
 * environment, plus overrides that in-process tests install (a child process gets a real one).
 */
public final class CliEnv {
  private static volatile Map<String, String> overrides = Map.of();

  private CliEnv() {}

  public static Map<String, String> get() {
    if (overrides.isEmpty()) {
      return System.getenv();
    }
    Map<String, String> m = new HashMap<>(System.getenv());
    m.putAll(overrides);
    return m;
  }

  /** Replaces the overrides (tests); an empty map restores the plain process environment. */
  public static void setOverrides(Map<String, String> values) {
    overrides = Map.copyOf(values);
  }
}
