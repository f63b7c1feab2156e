package io.omnigraph.cli.graph;

import io.omnigraph.cli.ExitCodes;
import io.omnigraph.cli.Json;
import io.omnigraph.engine.root.GraphRoot;
import io.omnigraph.engine.root.SnapshotInfo;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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
    String uri = GraphTargets.uriOf(positional, uriOption);
    String b = branch == null ? "main" : branch;
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
    out.println(
        "branch "
            + info.graphBranch()
            + " at manifest v"
            + info.graphManifestVersion()
            + " (internal schema "
            + info.internalSchemaVersion()
            + ", head "
            + CommitCommand.dash(info.headCommit())
            + ")");
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"kind", "type", "dataset", "version", "rows"});
    for (SnapshotInfo.Dataset d : info.datasets()) {
      rows.add(
          new String[] {
            d.entityKind(),
            d.typeName(),
            d.datasetPath()
                + (d.nativeDatasetBranch() == null ? "" : " @" + d.nativeDatasetBranch()),
            "v" + d.publishedDatasetVersion(),
            Long.toString(d.entityCount())
          });
    }
    int[] w = new int[5];
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        w[i] = Math.max(w[i], r[i].length());
      }
    }
    for (String[] r : rows) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < r.length; i++) {
        sb.append(i == 0 ? "" : "  ").append(r[i]).append(" ".repeat(w[i] - r[i].length()));
      }
      out.println(sb.toString().stripTrailing());
    }
    out.flush();
    return ExitCodes.OK;
  }
}
