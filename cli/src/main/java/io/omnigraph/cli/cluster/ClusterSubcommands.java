package io.omnigraph.cli.cluster;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.cli.CliEnv;
import io.omnigraph.cli.ExitCodes;
import io.omnigraph.cli.Json;
import io.omnigraph.cli.Terminal;
import io.omnigraph.cli.config.OperatorConfig;
import io.omnigraph.cluster.ops.ClusterOps;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The eight {@code cluster} subcommands; each prints JSON ({@code --json}) or human text. */
public final class ClusterSubcommands {
  private ClusterSubcommands() {}

  /** Options and output shared by every subcommand. */
  abstract static class Base implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--config",
        paramLabel = "<dir>",
        defaultValue = ".",
        description = "Directory holding cluster.yaml (default: the current directory).")
    Path config;

    @Option(names = "--json", description = "Print the structured result as pretty JSON.")
    boolean json;

    abstract ObjectNode execute(Map<String, String> env);

    @Override
    public Integer call() {
      ObjectNode out = execute(CliEnv.get());
      PrintWriter w = spec.commandLine().getOut();
      if (json) {
        Json.print(w, out);
      } else {
        new ClusterPrinter(w, Terminal.forStdout()).print(spec.name(), out);
      }
      return out.path("ok").asBoolean() ? ExitCodes.OK : ExitCodes.ERROR;
    }

    String actor(String flag, Map<String, String> env) {
      return OperatorConfig.load(env).resolveActor(flag);
    }
  }

  @Command(
      name = "validate",
      mixinStandardHelpOptions = true,
      description =
          "Parse cluster.yaml and check every file it names (schemas, queries, policies). Reads no state.")
  public static final class Validate extends Base {
    @Override
    ObjectNode execute(Map<String, String> env) {
      return ClusterOps.validate(config, env);
    }
  }

  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description =
          "Create the first state ledger from the config and read-only observation of the graphs (state must be absent).")
  public static final class Import extends Base {
    @Override
    ObjectNode execute(Map<String, String> env) {
      return ClusterOps.importState(config, env);
    }
  }

  @Command(
      name = "plan",
      mixinStandardHelpOptions = true,
      description =
          "Preview what apply would do: changes, dispositions, migrations, approvals. Never writes state.")
  public static final class Plan extends Base {
    @Override
    ObjectNode execute(Map<String, String> env) {
      return ClusterOps.plan(config, env);
    }
  }

  @Command(
      name = "apply",
      mixinStandardHelpOptions = true,
      description =
          "Converge: create graphs, migrate schemas, publish queries and policies, run approved deletes.")
  public static final class Apply extends Base {
    @Option(
        names = "--as",
        paramLabel = "<actor>",
        description =
            "Actor recorded in sidecars, tombstones and graph commits (default: operator.actor).")
    String as;

    @Override
    ObjectNode execute(Map<String, String> env) {
      return ClusterOps.apply(config, actor(as, env), env);
    }
  }

  @Command(
      name = "approve",
      mixinStandardHelpOptions = true,
      description =
          "Record an approval for a pending destructive change (a graph or schema delete).")
  public static final class Approve extends Base {
    @Parameters(
        index = "0",
        paramLabel = "<resource>",
        description = "Resource address, e.g. graph.scratch.")
    String resource;

    @Option(
        names = "--as",
        paramLabel = "<actor>",
        description = "The approver (default: operator.actor); required one way or the other.")
    String as;

    @Override
    ObjectNode execute(Map<String, String> env) {
      return ClusterOps.approve(config, resource, actor(as, env), env);
    }
  }

  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description =
          "Show the ledger, the lock and catalog integrity. Read-only; never opens graphs.")
  public static final class Status extends Base {
    @Override
    ObjectNode execute(Map<String, String> env) {
      return ClusterOps.status(config, env);
    }
  }

  @Command(
      name = "refresh",
      mixinStandardHelpOptions = true,
      description = "Re-observe the graphs and the catalog and record drift in the ledger.")
  public static final class Refresh extends Base {
    @Override
    ObjectNode execute(Map<String, String> env) {
      return ClusterOps.refresh(config, env);
    }
  }

  @Command(
      name = "force-unlock",
      mixinStandardHelpOptions = true,
      description =
          "Remove a held state lock, only when <lock-id> matches it exactly (see cluster status).")
  public static final class ForceUnlock extends Base {
    @Parameters(index = "0", paramLabel = "<lock-id>", description = "The id of the held lock.")
    String lockId;

    @Override
    ObjectNode execute(Map<String, String> env) {
      return ClusterOps.forceUnlock(config, lockId, env);
    }
  }
}
