package io.omnigraph.cli.lint;

import picocli.CommandLine.Command;

/** Placeholder replaced when the query compiler lands. */
@Command(name = "lint", hidden = true)
public final class LintCommand implements Runnable {
  @Override
  public void run() {}
}
