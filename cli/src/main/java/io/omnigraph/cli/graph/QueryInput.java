package io.omnigraph.cli.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnigraph.cli.CliException;
import io.omnigraph.cli.ExitCodes;
import io.omnigraph.cli.SourceFiles;
import io.omnigraph.compiler.diag.Diagnostic;
import io.omnigraph.compiler.diag.DiagnosticRenderer;
import io.omnigraph.compiler.diag.Result;
import io.omnigraph.compiler.query.QueryCompiler;
import io.omnigraph.compiler.query.ir.CompiledQuery;
import io.omnigraph.compiler.schema.Catalog;
import io.omnigraph.compiler.source.SourceText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The query options {@code query} and {@code mutate} share (a picocli mixin): the source ({@code
 * --query <file>} or {@code -e <text>}, {@code --name} to pick one of several; neither = a stored
 * query of a served graph, by name) and the parameters ({@code --params <json>} or {@code
 * --params-file <file>}).
 */
public final class QueryInput {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ArgGroup(multiplicity = "0..1")
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

  @Option(names = "--params-file", paramLabel = "<file>", description = "Parameters file (JSON).")
  Path paramsFile;

  /** Whether {@code --query} or {@code -e} was given (else: a stored query by name, served). */
  boolean hasSource() {
    return source != null;
  }

  /** The query source text (the file, or {@code <-e>}); required on an embedded graph. */
  SourceText source() throws IOException {
    if (source == null) {
      throw new CliException(
          "no query source: pass --query <file.gq> or -e <gq> (a stored query runs by NAME only"
              + " on a served graph: --server <name|url>)",
          ExitCodes.USAGE);
    }
    return source.file != null
        ? SourceFiles.read(source.file, "query")
        : new SourceText("<-e>", source.text);
  }

  /** The parameters object ({@code {}} when none is given); bad JSON is a usage error. */
  JsonNode params() throws IOException {
    if (params != null && paramsFile != null) {
      throw new CliException("--params and --params-file are exclusive", ExitCodes.USAGE);
    }
    String text =
        params != null ? params : paramsFile != null ? Files.readString(paramsFile) : null;
    if (text == null) {
      return JSON.createObjectNode();
    }
    try {
      JsonNode n = JSON.readTree(text);
      if (n == null || !n.isObject()) {
        throw new CliException("--params must be a JSON object", ExitCodes.USAGE);
      }
      return n;
    } catch (IOException e) {
      throw new CliException("--params is not valid JSON: " + e.getMessage(), ExitCodes.USAGE);
    }
  }

  /**
   * The selected query compiled against {@code catalog}, or null after printing its diagnostics
   * (with source snippets) on {@code err}.
   */
  CompiledQuery compile(Catalog catalog, SourceText src, PrintWriter err) {
    Result<CompiledQuery> compiled = QueryCompiler.compileOne(catalog, src, name);
    if (compiled.ok()) {
      return compiled.value();
    }
    for (Diagnostic d : compiled.diagnostics()) {
      err.println(DiagnosticRenderer.render(d, src));
    }
    err.flush();
    return null;
  }
}
