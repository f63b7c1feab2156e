package io.omnigraph.cli;

import java.util.Map;

/**
 * The environment graph commands hand to storage (the {@code AWS_*} variables of S3 roots). The
 * process environment, unless a test installed another one with {@link #override} (the CLI runs
 * in-process in tests, where the real environment cannot be changed).
 */
public final class CliEnv {
  private static volatile Map<String, String> override;

  private CliEnv() {}

  public static Map<String, String> get() {
    Map<String, String> o = override;
    return o != null ? o : System.getenv();
  }

  /** Installs {@code env} for later commands ({@code null} restores the process environment). */
  public static void override(Map<String, String> env) {
    override = env == null ? null : Map.copyOf(env);
  }
}
