package io.omnigraph.cli.schema;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.cli.ExitCodes;
import io.omnigraph.cli.Json;
import io.omnigraph.compiler.diag.DiagnosticJson;
import io.omnigraph.compiler.migrate.MigrationPlanner;
import io.omnigraph.compiler.migrate.SchemaMigrationPlan;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code omnigraph schema diff <accepted.pg> <desired.pg>}: the migration plan between two files.
 */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Show the migration plan between two schema files.",
      "The same steps 'schema apply' and 'cluster plan' use: add/rename/drop types and",
      "properties, constraints, enum widening, metadata updates, and unsupported changes",
      "with the reason."
    },
    footer = {
      "",
      "Drops are soft (prior versions keep the data until cleanup) unless --allow-data-loss.",
      "Exit codes: 0 the plan is supported (or empty), 1 a schema has errors or the plan",
      "contains unsupported changes, 2 usage error."
    })
public final class SchemaDiffCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<accepted.pg>", description = "The schema in force now.")
  Path accepted;

  @Parameters(index = "1", paramLabel = "<desired.pg>", description = "The schema you want.")
  Path desired;

  @Option(names = "--allow-data-loss", description = "Plan drops as hard (data unrecoverable).")
  boolean allowDataLoss;

  @Option(
      names = "--json",
      description = "Print one JSON object on stdout (stable shape; see docs/cli.md).")
  boolean json;

  @Override
  public Integer call() {
    SchemaLoader from = SchemaLoader.load(accepted);
    SchemaLoader to = SchemaLoader.load(desired);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!from.ok() || !to.ok()) {
      return reportCompileErrors(from, to, out, err);
    }
    SchemaMigrationPlan plan = MigrationPlanner.plan(from.schema(), to.schema());
    if (allowDataLoss) {
      plan = plan.withHardDrops();
    }
    if (json) {
      Json.print(out, planJson(from, to, plan));
    } else {
      printHuman(out, plan);
    }
    return plan.supported() ? ExitCodes.OK : ExitCodes.ERROR;
  }

  private Integer reportCompileErrors(
      SchemaLoader from, SchemaLoader to, PrintWriter out, PrintWriter err) {
    if (json) {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      o.put("status", "error");
      o.put("accepted", accepted.toString());
      o.put("desired", desired.toString());
      var ds = DiagnosticJson.list(from.result().diagnostics());
      ds.addAll(DiagnosticJson.list(to.result().diagnostics()));
      o.set("diagnostics", ds);
      Json.print(out, o);
    } else {
      from.printDiagnostics(err);
      to.printDiagnostics(err);
      err.println("schema diff: fix the schema errors above first");
    }
    return ExitCodes.ERROR;
  }

  private ObjectNode planJson(SchemaLoader from, SchemaLoader to, SchemaMigrationPlan plan) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("status", "ok");
    o.put("accepted", accepted.toString());
    o.put("desired", desired.toString());
    o.put("accepted_digest", from.schema().digest());
    o.put("desired_digest", to.schema().digest());
    o.put("supported", plan.supported());
    o.put("step_count", plan.stepCount());
    o.set("steps", plan.toJson().get("steps"));
    return o;
  }

  private void printHuman(PrintWriter out, SchemaMigrationPlan plan) {
    PlanPrinter.print(out, "schema diff " + accepted + " -> " + desired, plan);
  }
}
