package io.omnigraph.cli;

/**
 * A failure the user can fix (missing file, bad flag combination, …). Printed as {@code error:
 * <message>} without a stack trace; exit code 1 unless stated.
 */
public class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int exitCode;

  public CliException(String message) {
    this(message, ExitCodes.ERROR);
  }

  public CliException(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
