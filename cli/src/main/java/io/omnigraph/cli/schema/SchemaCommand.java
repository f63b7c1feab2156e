package io.omnigraph.cli.schema;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code omnigraph schema …}: offline schema tools. */
@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    description = "Check schemas and preview migrations between them (offline; no graph needed).",
    subcommands = {SchemaCheckCommand.class, SchemaDiffCommand.class})
public final class SchemaCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
