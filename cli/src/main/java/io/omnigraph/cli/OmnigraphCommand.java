package io.omnigraph.cli;

import io.omnigraph.cli.graph.BranchCommand;
import io.omnigraph.cli.graph.CleanupCommand;
import io.omnigraph.cli.graph.CommitCommand;
import io.omnigraph.cli.graph.ExportCommand;
import io.omnigraph.cli.graph.InitCommand;
import io.omnigraph.cli.graph.LoadCommand;
import io.omnigraph.cli.graph.MutateCommand;
import io.omnigraph.cli.graph.OptimizeCommand;
import io.omnigraph.cli.graph.QueryCommand;
import io.omnigraph.cli.graph.RepairCommand;
import io.omnigraph.cli.graph.SnapshotCommand;
import io.omnigraph.cli.lint.LintCommand;
import io.omnigraph.cli.schema.SchemaCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The top-level {@code omnigraph} command: a dispatcher to subcommands. */
@Command(
    name = "omnigraph",
    versionProvider = VersionInfo.class,
    description = {
      "OmniGraph: a versioned, branchable property-graph database on object storage.",
      "",
      "Data verbs (query, mutate, load, snapshot, export, branch, commit,",
      "schema show|apply) run embedded (a graph URI / --store) or served",
      "(--server <name|url> [--graph <id>], a server profile or defaults.server).",
      "graphs list is served only; init, optimize, repair, cleanup, schema plan",
      "and lint are direct (storage) only.",
      ""
    },
    subcommands = {
      InitCommand.class,
      LoadCommand.class,
      QueryCommand.class,
      MutateCommand.class,
      ExportCommand.class,
      SnapshotCommand.class,
      CommitCommand.class,
      io.omnigraph.cli.graph.ChangesCommand.class,
      BranchCommand.class,
      OptimizeCommand.class,
      RepairCommand.class,
      CleanupCommand.class,
      SchemaCommand.class,
      io.omnigraph.cli.cluster.ClusterCommand.class,
      LintCommand.class,
      io.omnigraph.cli.policy.PolicyCommand.class,
      io.omnigraph.cli.queries.QueriesCommand.class,
      io.omnigraph.cli.served.GraphsCommand.class,
      io.omnigraph.cli.served.LoginCommand.class,
      io.omnigraph.cli.served.LogoutCommand.class,
      io.omnigraph.cli.served.ProfileCommand.class,
      io.omnigraph.cli.graph.AliasCommand.class,
      VersionCommand.class
    },
    footer = {
      "",
      "Exit codes: 0 success, 1 error (including lint/validation failures),",
      "2 usage error, 4 conditional write lost (mutate --if-commit).",
      "Docs: README.md and docs/ in the repository."
    })
public final class OmnigraphCommand implements Runnable {
  @Spec CommandSpec spec;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;

  @Option(
      names = {"-v", "-V", "--version"},
      versionHelp = true,
      description = "Print the version (as `omnigraph version`) and exit.")
  boolean version;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
