package io.omnigraph.cli.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.cli.CliException;
import io.omnigraph.cli.ExitCodes;
import io.omnigraph.compiler.query.ir.CompiledQuery;
import io.omnigraph.compiler.source.SourceText;
import io.omnigraph.engine.exec.ExecOptions;
import io.omnigraph.engine.exec.QueryExecutionException;
import io.omnigraph.engine.exec.QueryExecutor;
import io.omnigraph.engine.exec.QueryResult;
import io.omnigraph.engine.exec.ReadTarget;
import io.omnigraph.engine.root.GraphRoot;
import io.omnigraph.engine.root.RootSnapshot;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code omnigraph query <uri> (-e <gq> | --query <file>)}: run a read on the branch head. */
@Command(
    name = "query",
    mixinStandardHelpOptions = true,
    description = {
      "Run an ad-hoc read query against a graph root (a branch head, default main, or --snapshot <id>).",
      "Output (--format): table (default), kv, csv, jsonl, json (= --json)."
    })
public final class QueryCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<uri>", description = "The graph root.")
  String uri;

  @Mixin QueryInput input;

  @Option(names = "--branch", paramLabel = "<b>", description = "Branch (default main).")
  String branch;

  @Option(
      names = "--snapshot",
      paramLabel = "<id>",
      description =
          "Read an older snapshot: a commit id or a manifest version (exclusive with --branch).")
  String snapshot;

  @Option(names = "--json", description = "Print the read result JSON (03 §4).")
  boolean json;

  @Option(
      names = "--format",
      paramLabel = "<fmt>",
      description = "table, kv, csv, jsonl (metadata line, then one row per line) or json.")
  String format;

  @Override
  public Integer call() throws IOException {
    if (snapshot != null && branch != null) {
      throw new CliException("--branch and --snapshot are exclusive", ExitCodes.USAGE);
    }
    String b = branch == null ? "main" : branch;
    String fmt = QueryOutput.format(format, json);
    JsonNode p = input.params();
    SourceText src = input.source();
    try (GraphRoot root = GraphTargets.open(uri)) {
      // compile against the schema the snapshot was written under (it may predate an apply)
      RootSnapshot snap =
          GraphTargets.call(
              () -> snapshot == null ? root.snapshot(b) : root.snapshotAt(snapshot, b));
      CompiledQuery q = input.compile(snap.catalog(), src, spec.commandLine().getErr());
      if (q == null) {
        return ExitCodes.ERROR;
      }
      QueryResult r;
      try {
        r =
            GraphTargets.call(
                () -> QueryExecutor.execute(snap.forQuery(q, p), q, p, ExecOptions.defaults()));
      } catch (QueryExecutionException e) {
        throw new CliException(e.code() + ": " + e.getMessage());
      }
      ObjectNode envelope = r.toJson(q.name(), new ReadTarget(b, snapshot), snap.commitId());
      QueryOutput.print(spec.commandLine().getOut(), envelope, fmt);
    }
    return ExitCodes.OK;
  }
}
