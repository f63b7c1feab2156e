package io.omnigraph.cli;

/** Process exit codes, as documented in {@code --help} and docs/cli.md. */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int ERROR = 1;
  public static final int USAGE = 2;
  public static final int PRECONDITION_FAILED = 4;

  private ExitCodes() {}
}
