package io.omnigraph.cli.lint;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.cli.ExitCodes;
import io.omnigraph.cli.Json;
import io.omnigraph.cli.SourceFiles;
import io.omnigraph.cli.schema.SchemaLoader;
import io.omnigraph.compiler.query.lint.LintReport;
import io.omnigraph.compiler.query.lint.QueryLinter;
import io.omnigraph.compiler.source.SourceText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code omnigraph lint --schema <file.pg> --query <file.gq> [--json]} (old spelling {@code
 * check}).
 */
@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    description = {
      "Type-check a .gq query file against a .pg schema, offline.",
      "Reports each query's status, type errors (T1-T24) with line:column, warnings",
      "(mutations without params, L201 properties no update query sets) and, with --json,",
      "each query's operation descriptor (result columns, reads, writes)."
    },
    footer = {"", "Exit codes: 0 no errors (warnings allowed), 1 errors, 2 usage error."})
public final class LintCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--schema",
      required = true,
      paramLabel = "<file.pg>",
      description = "The schema to check against.")
  Path schema;

  @Option(
      names = "--query",
      required = true,
      paramLabel = "<file.gq>",
      description = "The query file to lint.")
  Path query;

  @Option(
      names = "--json",
      description = "Print the lint report as one JSON object (see docs/cli.md).")
  boolean json;

  @Mixin io.omnigraph.cli.served.DirectOnly direct;

  @Override
  public Integer call() {
    direct.check("lint", "Pass --schema <file.pg> (lint is offline).");
    SchemaLoader loaded = SchemaLoader.load(schema);
    PrintWriter out = spec.commandLine().getOut();
    if (!loaded.ok()) {
      return schemaFailed(loaded, out);
    }
    SourceText src = SourceFiles.read(query, "query file");
    LintReport report = QueryLinter.lint(loaded.schema().catalog(), src, schemaSource());
    if (json) {
      Json.print(out, report.toJson());
    } else {
      new LintPrinter(out, src).print(report, schema);
    }
    return report.ok() ? ExitCodes.OK : ExitCodes.ERROR;
  }

  private ObjectNode schemaSource() {
    ObjectNode s = JsonNodeFactory.instance.objectNode();
    s.put("kind", "file");
    s.put("path", schema.toString());
    return s;
  }

  private int schemaFailed(SchemaLoader loaded, PrintWriter out) {
    if (json) {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      o.put("status", "error");
      o.set("schema_source", schemaSource());
      o.put("query_path", query.toString());
      o.set(
          "diagnostics",
          io.omnigraph.compiler.diag.DiagnosticJson.list(loaded.result().diagnostics()));
      Json.print(out, o);
    } else {
      loaded.printDiagnostics(spec.commandLine().getErr());
      spec.commandLine()
          .getErr()
          .println("lint: the schema " + schema + " does not compile; fix it first");
    }
    return ExitCodes.ERROR;
  }
}
