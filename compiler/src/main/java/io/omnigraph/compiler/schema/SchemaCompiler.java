package io.omnigraph.compiler.schema;

import io.omnigraph.compiler.diag.Diagnostic;
import io.omnigraph.compiler.diag.Position;
import io.omnigraph.compiler.diag.Result;
import io.omnigraph.compiler.source.SourceText;
import java.util.ArrayList;
import java.util.List;

/** Entry point: {@code .pg} text in, {@link CompiledSchema} (or coded diagnostics) out. */
public final class SchemaCompiler {
  private SchemaCompiler() {}

  public static Result<CompiledSchema> compile(String fileName, String text) {
    return compile(new SourceText(fileName, text));
  }

  public static Result<CompiledSchema> compile(SourceText src) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    try {
      SchemaAst.File ast = SchemaParser.parse(src, diagnostics);
      if (hasErrors(diagnostics)) {
        return Result.failed(diagnostics);
      }
      Catalog catalog = new CatalogBuilder(src, diagnostics).build(ast);
      if (hasErrors(diagnostics)) {
        return Result.failed(diagnostics);
      }
      var ir = SchemaIr.of(catalog);
      String digest = io.omnigraph.compiler.json.CanonicalJson.digest(ir);
      return Result.ok(new CompiledSchema(src.text(), catalog, ir, digest), diagnostics);
    } catch (RuntimeException | StackOverflowError e) {
      diagnostics.add(internalError(src, e));
      return Result.failed(diagnostics);
    }
  }

  private static boolean hasErrors(List<Diagnostic> ds) {
    return ds.stream().anyMatch(Diagnostic::isError);
  }

  static Diagnostic internalError(SourceText src, Throwable e) {
    return Diagnostic.error(
        "S999",
        new Position(src.name(), 0, 0, -1, -1),
        "internal compiler error ("
            + e
            + " at "
            + (e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?")
            + "); please report it with the input that caused it");
  }
}
