package io.omnigraph.cli.cluster;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code omnigraph cluster …}: the control plane (spec 05). */
@Command(
    name = "cluster",
    mixinStandardHelpOptions = true,
    description = {
      "Declare a whole deployment in cluster.yaml and converge it Terraform-style.",
      "Loop: validate -> import (once) -> plan -> apply; status/refresh inspect; approve gates deletes."
    },
    subcommands = {
      ClusterSubcommands.Validate.class,
      ClusterSubcommands.Import.class,
      ClusterSubcommands.Plan.class,
      ClusterSubcommands.Apply.class,
      ClusterSubcommands.Approve.class,
      ClusterSubcommands.Status.class,
      ClusterSubcommands.Refresh.class,
      ClusterSubcommands.ForceUnlock.class
    },
    footer = {
      "",
      "Every subcommand takes --config <dir> (the directory holding cluster.yaml; default .) and --json.",
      "Exit codes: 0 when the output's ok is true (warnings allowed), 1 otherwise, 2 usage error."
    })
public final class ClusterCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
