package io.omnigraph.cli.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.cli.CliEnv;
import io.omnigraph.cli.CliException;
import io.omnigraph.cli.ExitCodes;
import io.omnigraph.cli.config.OperatorConfig;
import io.omnigraph.cli.config.ScopeConfig;
import io.omnigraph.cli.served.ScopeOptions;
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
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code omnigraph query}: a read on a branch head or snapshot — embedded ({@code <uri>} or {@code
 * --store}) or served ({@code --server}: ad-hoc through {@code /query}, or a stored query by NAME).
 */
@Command(
    name = "query",
    mixinStandardHelpOptions = true,
    description = {
      "Run a read query on a branch head (default main) or --snapshot <id>.",
      "Embedded: query <uri> (-e <gq> | --query <file>), or --store <uri> [NAME] ...",
      "Served: query --server <name|url> [--graph <id>] NAME runs a stored query of",
      "the server's catalog (it must be a read); with -e/--query an ad-hoc read",
      "(NAME then picks one of several queries in the source).",
      "Output (--format): table (default), kv, csv, jsonl, json (= --json);",
      "identical for embedded and served graphs."
    })
public final class QueryCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "<uri|NAME>",
      description =
          "With --server/--store/a profile: the query NAME. Otherwise the graph root (embedded).")
  String positional;

  @Option(
      names = {"--uri", "--store"},
      paramLabel = "<uri>",
      description = "The graph root (embedded); the positional is then the query NAME.")
  String store;

  @Mixin ScopeOptions scope;

  @Mixin QueryInput input;

  private QueryOutput.Layout layout = QueryOutput.Layout.NONE;

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
    ScopeConfig.Defaults defaults = OperatorConfig.load(CliEnv.get()).scopes().defaults();
    layout = QueryOutput.Layout.of(defaults);
    String fmt = QueryOutput.format(format != null || json ? format : defaults.output(), json);
    PrintWriter err = spec.commandLine().getErr();
    ScopeOptions.Scope s = scope.resolveOrNull("query", null, store, null, err);
    String name = positional;
    if (s == null) {
      s = scope.resolve("query", positional, null, null, err);
      name = null;
    }
    if (s.isServed()) {
      ObjectNode envelope = Served.query(s.served(), name, input, branch, snapshot);
      QueryOutput.print(spec.commandLine().getOut(), envelope, fmt, layout);
      return ExitCodes.OK;
    }
    if (name != null && input.name == null) {
      input.name = name;
    }
    return embedded(s.uri(), fmt);
  }

  private int embedded(String uri, String fmt) throws IOException {
    String b = branch == null ? "main" : branch;
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
      QueryOutput.print(spec.commandLine().getOut(), envelope, fmt, layout);
    }
    return ExitCodes.OK;
  }
}
