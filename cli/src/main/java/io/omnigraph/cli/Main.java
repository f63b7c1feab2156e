package io.omnigraph.cli;

import picocli.CommandLine;

/** Process entry point of the {@code omnigraph} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs one command line in-process and returns its exit code (used by tests too). */
  public static int run(String... args) {
    return newCommandLine().execute(args);
  }

  public static CommandLine newCommandLine() {
    CommandLine cmd = new DeprecatedSpellings.Line(new OmnigraphCommand());
    cmd.setExecutionExceptionHandler(new ErrorHandler());
    cmd.setParameterExceptionHandler(new UsageErrorHandler());
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    return cmd;
  }
}
