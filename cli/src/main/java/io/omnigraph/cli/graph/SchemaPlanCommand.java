package io.omnigraph.cli.graph;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.cli.CliEnv;
import io.omnigraph.cli.CliException;
import io.omnigraph.cli.ExitCodes;
import io.omnigraph.cli.Json;
import io.omnigraph.cli.schema.PlanPrinter;
import io.omnigraph.cli.schema.SchemaLoader;
import io.omnigraph.compiler.diag.Result;
import io.omnigraph.compiler.migrate.MigrationPlanner;
import io.omnigraph.compiler.migrate.SchemaMigrationPlan;
import io.omnigraph.compiler.schema.CompiledSchema;
import io.omnigraph.compiler.schema.SchemaCompiler;
import io.omnigraph.engine.root.AcceptedSchema;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code omnigraph schema plan <uri> --schema <file.pg>}: the migration plan from a graph's
 * accepted schema to a desired one. A preview: nothing is written.
 */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = {
      "Preview the migration from a graph's accepted schema to a desired one.",
      "Nothing is written. Drops are soft unless --allow-data-loss."
    },
    footer = {
      "",
      "Exit codes: 0 the plan is supported (or empty), 1 errors or unsupported changes,",
      "2 usage error."
    })
public final class SchemaPlanCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "<uri>", description = "The graph root.")
  String uri;

  @Mixin io.omnigraph.cli.served.DirectOnly direct;

  @Option(
      names = "--schema",
      required = true,
      paramLabel = "<file.pg>",
      description = "Desired schema.")
  Path schema;

  @Option(names = "--allow-data-loss", description = "Plan drops as hard (data unrecoverable).")
  boolean allowDataLoss;

  @Option(names = "--json", description = "Print {uri, supported, step_count, steps}.")
  boolean json;

  @Override
  public Integer call() {
    uri = direct.uri("schema plan", uri);
    SchemaLoader desired = SchemaLoader.load(schema);
    if (!desired.ok()) {
      desired.printDiagnostics(spec.commandLine().getErr());
      throw new CliException("the desired schema " + schema + " does not compile; fix it first");
    }
    String source = GraphTargets.call(() -> AcceptedSchema.source(uri, CliEnv.get()));
    Result<CompiledSchema> accepted = SchemaCompiler.compile("_schema.pg", source);
    if (!accepted.ok()) {
      throw new CliException(
          "the accepted schema of "
              + uri
              + " no longer compiles: "
              + accepted.errors().get(0).render());
    }
    SchemaMigrationPlan plan = MigrationPlanner.plan(accepted.value(), desired.schema());
    if (allowDataLoss) {
      plan = plan.withHardDrops();
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      o.put("uri", uri);
      o.put("supported", plan.supported());
      o.put("step_count", plan.stepCount());
      o.set("steps", plan.toJson().get("steps"));
      Json.print(out, o);
    } else {
      PlanPrinter.print(out, "schema plan " + uri + " -> " + schema, plan);
    }
    return plan.supported() ? ExitCodes.OK : ExitCodes.ERROR;
  }
}
