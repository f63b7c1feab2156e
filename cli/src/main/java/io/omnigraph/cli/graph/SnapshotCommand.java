package io.omnigraph.cli.graph;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnigraph.cli.CliException;
import io.omnigraph.cli.ExitCodes;
import io.omnigraph.cli.Json;
import io.omnigraph.cli.served.ScopeOptions;
import io.omnigraph.engine.root.GraphRoot;
import io.omnigraph.engine.root.SnapshotInfo;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code omnigraph snapshot [URI] [--branch b] [--json]}: the datasets a branch head pins. */
@Command(
    name = "snapshot",
    mixinStandardHelpOptions = true,
    description = {
      "Show the snapshot a branch head reads: every dataset with its pinned version and row count.",
      "JSON: {graph_branch, graph_manifest_version, internal_schema_version, datasets:[{entity_kind,",
      "type_name, dataset_path, published_dataset_version, native_dataset_branch, entity_count}]}."
    })
public final class SnapshotCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "<uri>", description = "The graph root.")
  String positional;

  @Option(names = "--uri", paramLabel = "<uri>", description = "The graph root.")
  String uriOption;

  @Mixin ScopeOptions scope;

  @Option(names = "--branch", paramLabel = "<b>", description = "Branch (default main).")
  String branch;

  @Option(
      names = "--snapshot",
      paramLabel = "<id>",
      description = "An older snapshot: commit id or manifest version.")
  String snapshot;

  @Option(names = "--json", description = "Print the snapshot JSON.")
  boolean json;

  @Override
  public Integer call() {
    ScopeOptions.Scope s =
        scope.resolve("snapshot", positional, uriOption, null, spec.commandLine().getErr());
    String b = branch == null ? "main" : branch;
    if (s.isServed()) {
      if (snapshot != null) {
        throw new CliException(
            "snapshot --snapshot is not available on a served graph (the server shows branch"
                + " heads only); drop --snapshot or address the graph's storage",
            ExitCodes.USAGE);
      }
      JsonNode info = Served.snapshot(s.served(), b);
      if (json) {
        Json.print(spec.commandLine().getOut(), info);
      } else {
        HumanOutput.snapshot(spec.commandLine().getOut(), info, Served.head(s.served(), b));
      }
      return ExitCodes.OK;
    }
    String uri = s.uri();
    SnapshotInfo info;
    try (GraphRoot root = GraphTargets.open(uri)) {
      info =
          GraphTargets.call(
              () -> snapshot == null ? root.snapshotInfo(b) : root.snapshotInfoAt(snapshot, b));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Json.print(out, info.toJson());
      return ExitCodes.OK;
    }
    HumanOutput.snapshot(out, info.toJson(), info.headCommit());
    return ExitCodes.OK;
  }
}
