package io.omnigraph.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code omnigraph version}: the same text as {@code --version}. */
@Command(
    name = "version",
    description = "Print the omnigraph version and the internal graph format version.")
public final class VersionCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    for (String line : new VersionInfo().getVersion()) {
      spec.commandLine().getOut().println(line);
    }
  }
}
