package io.omnigraph.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns any exception escaping a command into one line on stderr and an exit code. A user never
 * sees a stack trace unless {@code OMNIGRAPH_DEBUG=1} is set.
 */
final class ErrorHandler implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    if (ex instanceof CliException ce) {
      err.println("error: " + ce.getMessage());
      return ce.exitCode();
    }
    err.println(
        "error: internal error ("
            + ex
            + "); this is a bug in omnigraph — please report it with the command you ran");
    if ("1".equals(System.getenv("OMNIGRAPH_DEBUG"))) {
      ex.printStackTrace(err);
    }
    return ExitCodes.ERROR;
  }
}
