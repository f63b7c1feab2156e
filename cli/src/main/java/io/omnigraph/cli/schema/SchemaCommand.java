package io.omnigraph.cli.schema;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code omnigraph schema …}: offline schema tools. */
@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    description = "Check schemas, preview migrations; show, plan or apply a graph's schema.",
    subcommands = {
      SchemaCheckCommand.class,
      SchemaDiffCommand.class,
      io.omnigraph.cli.graph.SchemaShowCommand.class,
      io.omnigraph.cli.graph.SchemaPlanCommand.class,
      io.omnigraph.cli.graph.SchemaApplyCommand.class
    })
public final class SchemaCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
