package io.omnigraph.cli.graph;

import io.omnigraph.cli.ExitCodes;
import io.omnigraph.cli.Json;
import io.omnigraph.engine.root.GraphRoot;
import io.omnigraph.engine.root.OptimizeReport;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code omnigraph optimize [URI]}: compaction + index reconciliation, one publish (04 §8). */
@Command(
    name = "optimize",
    mixinStandardHelpOptions = true,
    header = "Compact the datasets of main and build the indexes the schema declares.",
    description = {
      "Compact every dataset of main and build/refresh the indexes the schema declares",
      "(@key/@unique/@index → BTREE, String @index also full-text), publishing all changed",
      "datasets in one manifest version (none when nothing changed). Non-destructive: old",
      "versions stay readable until cleanup. Direct command: needs storage access.",
      "JSON: {uri, graph_manifest_version, commit, datasets:[{type_key, fragments_removed,",
      "fragments_added, committed, skipped, published_dataset_version, lance_head_version,",
      "indexes_created, indexes_dropped, reindexed, pending_indexes:[{property, reason}], error}]}."
    })
public final class OptimizeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin MaintenanceTarget target;

  @Option(names = "--json", description = "Print one JSON object on stdout.")
  boolean json;

  @Override
  public Integer call() {
    return run(target.resolve("optimize"));
  }

  /** Optimizes the graph at an already resolved URI. */
  int run(String uri) {
    target.echo(spec.commandLine().getErr(), "optimize", uri);
    OptimizeReport r;
    try (GraphRoot root = GraphTargets.open(uri)) {
      r = GraphTargets.call(root::optimize);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Json.print(out, r.toJson(uri));
    } else {
      r.humanLines(uri).forEach(out::println);
      out.flush();
    }
    return r.datasets().stream().anyMatch(d -> d.error() != null) ? ExitCodes.ERROR : ExitCodes.OK;
  }
}
