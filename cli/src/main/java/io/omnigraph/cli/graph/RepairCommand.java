package io.omnigraph.cli.graph;

import io.omnigraph.cli.CliException;
import io.omnigraph.cli.ExitCodes;
import io.omnigraph.cli.Json;
import io.omnigraph.engine.root.GraphRoot;
import io.omnigraph.engine.root.RepairReport;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code omnigraph repair [URI] [--confirm] [--force]}: publish uncovered drift (04 §8). */
@Command(
    name = "repair",
    mixinStandardHelpOptions = true,
    header = "Find and classify storage drift on main; publish it with --confirm.",
    description = {
      "Find datasets of main whose storage head is ahead of the published version with no",
      "recovery record, and classify the drift: verified_maintenance (compaction only),",
      "suspicious, unverifiable, no_drift. Preview by default; --confirm publishes verified",
      "drift (healed) and refuses the rest; --force --confirm publishes it too (forced).",
      "Never rewrites data. Exit 1 when any dataset was refused.",
      "JSON: {uri, confirm, force, graph_manifest_version, commit, latest_hint_repaired,",
      "datasets:[{type_key, published_dataset_version, lance_head_version, classification,",
      "action, operations[], error}]}."
    })
public final class RepairCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin MaintenanceTarget target;

  @Option(names = "--confirm", description = "Publish verified drift (default: preview).")
  boolean confirm;

  @Option(names = "--force", description = "With --confirm: also publish suspicious drift.")
  boolean force;

  @Option(names = "--json", description = "Print one JSON object on stdout.")
  boolean json;

  @Override
  public Integer call() {
    if (force && !confirm) {
      throw new CliException("--force requires --confirm", ExitCodes.USAGE);
    }
    return run(target.resolve("repair"));
  }

  /** Repairs the graph at an already resolved URI. */
  int run(String uri) {
    target.echo(spec.commandLine().getErr(), "repair", uri);
    RepairReport r;
    try (GraphRoot root = GraphTargets.open(uri)) {
      r = GraphTargets.call(() -> root.repair(confirm, force));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Json.print(out, r.toJson(uri));
    } else {
      r.humanLines(uri).forEach(out::println);
      out.flush();
    }
    if (r.anyRefused()) {
      spec.commandLine()
          .getErr()
          .println(
              "error: repair refused suspicious or unverifiable drift; inspect it, then rerun with"
                  + " --force --confirm to publish it anyway");
      spec.commandLine().getErr().flush();
      return ExitCodes.ERROR;
    }
    return ExitCodes.OK;
  }
}
