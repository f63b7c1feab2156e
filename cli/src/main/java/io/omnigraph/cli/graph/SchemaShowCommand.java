package io.omnigraph.cli.graph;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.cli.CliEnv;
import io.omnigraph.cli.ExitCodes;
import io.omnigraph.cli.Json;
import io.omnigraph.cli.served.ScopeOptions;
import io.omnigraph.compiler.schema.SchemaCompiler;
import io.omnigraph.engine.root.AcceptedSchema;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code omnigraph schema show <uri>} (alias {@code get}): the graph's accepted .pg source. */
@Command(
    name = "show",
    aliases = {"get"},
    mixinStandardHelpOptions = true,
    description = "Print the accepted .pg schema of a graph (reads _schema.pg; no data is opened).")
public final class SchemaShowCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "<uri>", description = "The graph root.")
  String positional;

  @Option(
      names = "--uri",
      paramLabel = "<uri>",
      description = "The graph root (instead of the positional).")
  String uriOption;

  @Mixin ScopeOptions scope;

  @Option(names = "--json", description = "Print {uri, schema_digest, source} as JSON.")
  boolean json;

  @Override
  public Integer call() {
    ScopeOptions.Scope s =
        scope.resolve("schema show", positional, uriOption, null, spec.commandLine().getErr());
    String uri = s.isServed() ? s.served().url() : s.uri();
    String source =
        s.isServed()
            ? Served.schema(s.served())
            : GraphTargets.call(() -> AcceptedSchema.source(uri, CliEnv.get()));
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      o.put("uri", uri);
      var compiled = SchemaCompiler.compile("_schema.pg", source);
      if (compiled.ok()) {
        o.put("schema_digest", compiled.value().digest());
      }
      o.put("source", source);
      Json.print(out, o);
    } else {
      out.print(source.endsWith("\n") ? source : source + "\n");
      out.flush();
    }
    return ExitCodes.OK;
  }
}
