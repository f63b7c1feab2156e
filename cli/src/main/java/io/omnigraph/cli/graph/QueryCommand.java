package io.omnigraph.cli.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.cli.CliException;
import io.omnigraph.cli.ExitCodes;
import io.omnigraph.cli.Json;
import io.omnigraph.cli.SourceFiles;
import io.omnigraph.compiler.diag.Diagnostic;
import io.omnigraph.compiler.diag.DiagnosticRenderer;
import io.omnigraph.compiler.diag.Result;
import io.omnigraph.compiler.query.QueryCompiler;
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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
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
      "Output: a simple text table, or the read result JSON with --json."
    })
public final class QueryCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<uri>", description = "The graph root.")
  String uri;

  @ArgGroup(multiplicity = "1")
  Source source;

  /** Exactly one of --query / -e. */
  static final class Source {
    @Option(names = "--query", paramLabel = "<file.gq>", description = "Query file.")
    Path file;

    @Option(
        names = {"-e", "--query-string"},
        paramLabel = "<gq>",
        description = "Query text.")
    String text;
  }

  @Option(names = "--name", paramLabel = "<q>", description = "Query to run (if several).")
  String name;

  @Option(names = "--params", paramLabel = "<json>", description = "Parameters (JSON object).")
  String params;

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

  @Override
  public Integer call() throws IOException {
    if (snapshot != null && branch != null) {
      throw new CliException("--branch and --snapshot are exclusive", ExitCodes.USAGE);
    }
    String b = branch == null ? "main" : branch;
    JsonNode p = parseParams();
    SourceText src =
        source.file != null
            ? SourceFiles.read(source.file, "query")
            : new SourceText("<-e>", source.text);
    try (GraphRoot root = GraphTargets.open(uri)) {
      Result<CompiledQuery> compiled = QueryCompiler.compileOne(root.catalog(), src, name);
      if (!compiled.ok()) {
        PrintWriter err = spec.commandLine().getErr();
        for (Diagnostic d : compiled.diagnostics()) {
          err.println(DiagnosticRenderer.render(d, src));
        }
        err.flush();
        return ExitCodes.ERROR;
      }
      CompiledQuery q = compiled.value();
      RootSnapshot snap =
          GraphTargets.call(
              () -> snapshot == null ? root.snapshot(b) : root.snapshotAt(snapshot, b));
      QueryResult r;
      try {
        r = QueryExecutor.execute(snap.forQuery(q, p), q, p, ExecOptions.defaults());
      } catch (QueryExecutionException e) {
        throw new CliException(e.code() + ": " + e.getMessage());
      }
      ObjectNode envelope = r.toJson(q.name(), new ReadTarget(b, snapshot), snap.commitId());
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        Json.print(out, envelope);
      } else {
        printTable(out, envelope);
      }
    }
    return ExitCodes.OK;
  }

  private JsonNode parseParams() {
    if (params == null) {
      return JSON.createObjectNode();
    }
    try {
      JsonNode n = JSON.readTree(params);
      if (n == null || !n.isObject()) {
        throw new CliException("--params must be a JSON object", ExitCodes.USAGE);
      }
      return n;
    } catch (IOException e) {
      throw new CliException("--params is not valid JSON: " + e.getMessage(), ExitCodes.USAGE);
    }
  }

  /** A plain text table: header, rows (strings unquoted, other values as JSON), row count. */
  private static void printTable(PrintWriter out, ObjectNode envelope) {
    List<String> cols = new ArrayList<>();
    envelope.path("columns").forEach(c -> cols.add(c.path("name").asText()));
    List<List<String>> cells = new ArrayList<>();
    cells.add(cols);
    for (JsonNode row : envelope.path("rows")) {
      List<String> line = new ArrayList<>();
      for (String c : cols) {
        JsonNode v = row.get(c);
        line.add(v == null || v.isNull() ? "" : v.isTextual() ? v.asText() : v.toString());
      }
      cells.add(line);
    }
    int[] width = new int[cols.size()];
    for (List<String> line : cells) {
      for (int i = 0; i < line.size(); i++) {
        width[i] = Math.max(width[i], line.get(i).length());
      }
    }
    for (List<String> line : cells) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < line.size(); i++) {
        sb.append(i == 0 ? "" : "  ").append(pad(line.get(i), width[i]));
      }
      out.println(sb.toString().stripTrailing());
    }
    int n = envelope.path("row_count").asInt();
    out.println("(" + n + (n == 1 ? " row)" : " rows)"));
    out.flush();
  }

  private static String pad(String s, int w) {
    return s + " ".repeat(Math.max(0, w - s.length()));
  }
}
