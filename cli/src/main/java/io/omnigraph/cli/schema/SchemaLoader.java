package io.omnigraph.cli.schema;

import io.omnigraph.cli.SourceFiles;
import io.omnigraph.compiler.diag.Diagnostic;
import io.omnigraph.compiler.diag.DiagnosticRenderer;
import io.omnigraph.compiler.diag.Result;
import io.omnigraph.compiler.schema.CompiledSchema;
import io.omnigraph.compiler.schema.SchemaCompiler;
import io.omnigraph.compiler.source.SourceText;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Reads and compiles a {@code .pg} file, keeping the source for diagnostic snippets. */
public record SchemaLoader(SourceText source, Result<CompiledSchema> result) {
  public static SchemaLoader load(Path file) {
    SourceText src = SourceFiles.read(file, "schema");
    return new SchemaLoader(src, SchemaCompiler.compile(src));
  }

  public boolean ok() {
    return result.ok();
  }

  public CompiledSchema schema() {
    return result.value();
  }

  /** Prints every diagnostic with its source line to {@code err}. */
  public void printDiagnostics(PrintWriter err) {
    for (Diagnostic d : result.diagnostics()) {
      err.println(DiagnosticRenderer.render(d, source));
    }
    err.flush();
  }
}
