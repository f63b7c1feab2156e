package io.omnigraph.cli.policy;

import io.omnigraph.cli.CliException;
import io.omnigraph.cli.ExitCodes;
import io.omnigraph.policy.PolicyAction;
import io.omnigraph.policy.PolicyDecision;
import io.omnigraph.policy.PolicyRequest;
import io.omnigraph.policy.PolicyResult;
import io.omnigraph.policy.PolicyTestFile;
import io.omnigraph.policy.PolicyTestReport;
import io.omnigraph.policy.PolicyTests;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code omnigraph policy validate|test|explain} against a cluster's bundles (07 §5). */
@Command(
    name = "policy",
    mixinStandardHelpOptions = true,
    description =
        "Check, test and explain a cluster's policy bundles (applied; declared before the first apply).",
    subcommands = {
      PolicyCommand.Validate.class,
      PolicyCommand.Test.class,
      PolicyCommand.Explain.class
    })
public final class PolicyCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code policy validate}. */
  @Command(
      name = "validate",
      mixinStandardHelpOptions = true,
      description =
          "Parse and validate the selected bundle: policy valid: bundle '<name>' [<n> actors].")
  static final class Validate implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin BundleSelection selection;

    @Override
    public Integer call() {
      BundleSelection.Selected s = selection.select(System.getenv());
      PrintWriter out = spec.commandLine().getOut();
      out.println(
          "policy valid: bundle '" + s.name() + "' [" + s.bundle().actorCount() + " actors]");
      if (s.source().equals("declared")) {
        out.println(
            "note: the cluster has no applied state; checked the bundle cluster.yaml declares");
      }
      out.flush();
      return ExitCodes.OK;
    }
  }

  /** {@code policy test --tests <file>}. */
  @Command(
      name = "test",
      mixinStandardHelpOptions = true,
      description =
          "Run a policy.tests.yaml file against the selected bundle (exit 1 on any mismatch).")
  static final class Test implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin BundleSelection selection;

    @Option(
        names = "--tests",
        required = true,
        paramLabel = "<file>",
        description = "Test cases (policy.tests.yaml).")
    Path tests;

    @Override
    public Integer call() throws IOException {
      BundleSelection.Selected s = selection.select(System.getenv());
      String text;
      try {
        text = Files.readString(tests);
      } catch (IOException e) {
        throw new CliException("cannot read " + tests);
      }
      PolicyResult<PolicyTestFile> file = PolicyTests.parse(text, tests.toString());
      if (!file.ok()) {
        throw new CliException(file.renderErrors());
      }
      PolicyTestReport report = PolicyTests.run(file.value(), s.engine());
      if (!report.ok()) {
        throw new CliException(report.summary());
      }
      spec.commandLine().getOut().println(report.summary());
      spec.commandLine().getOut().flush();
      return ExitCodes.OK;
    }
  }

  /** {@code policy explain --actor A --action X [--branch B] [--target-branch T]}. */
  @Command(
      name = "explain",
      mixinStandardHelpOptions = true,
      description = {
        "Decide one request against the selected bundle and print the decision, the matching rule",
        "and the bundle's equivalent Cedar policies. The decision is output, not the exit status."
      })
  static final class Explain implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin BundleSelection selection;

    @Option(names = "--actor", required = true, paramLabel = "<actor>", description = "Actor id.")
    String actor;

    @Option(
        names = "--action",
        required = true,
        paramLabel = "<action>",
        description =
            "read, export, change, schema_apply, branch_create, branch_delete, branch_merge, admin, invoke_query, graph_list.")
    String action;

    @Option(names = "--branch", paramLabel = "<b>", description = "Branch context.")
    String branch;

    @Option(names = "--target-branch", paramLabel = "<t>", description = "Target branch context.")
    String targetBranch;

    @Override
    public Integer call() {
      PolicyAction a =
          PolicyAction.fromWire(action)
              .orElseThrow(
                  () ->
                      new CliException(
                          "unknown action '" + action + "'; one of " + PolicyAction.wireNames(),
                          ExitCodes.USAGE));
      BundleSelection.Selected s = selection.select(System.getenv());
      PolicyDecision d = s.engine().decide(new PolicyRequest(actor, a, branch, targetBranch));
      PrintWriter out = spec.commandLine().getOut();
      out.println("decision: " + d.wire());
      out.println("actor: " + actor);
      out.println("action: " + a.wire());
      if (branch != null) {
        out.println("branch: " + branch);
      }
      if (targetBranch != null) {
        out.println("target_branch: " + targetBranch);
      }
      d.matchedRuleId().ifPresent(r -> out.println("matched_rule: " + r));
      out.println("message: " + d.message());
      out.println("bundle: " + s.name() + " (" + s.source() + ")");
      out.println();
      out.print(s.engine().cedarText());
      out.flush();
      return ExitCodes.OK;
    }
  }
}
