package io.omnigraph.cli.schema;

import io.omnigraph.cli.Terminal;
import io.omnigraph.compiler.migrate.SchemaMigrationPlan;
import java.io.PrintWriter;

/** Human rendering of a migration plan, shared by {@code schema diff} and {@code schema plan}. */
public final class PlanPrinter {
  private PlanPrinter() {}

  public static void print(PrintWriter out, String heading, SchemaMigrationPlan plan) {
    Terminal t = Terminal.forStdout();
    out.println(heading);
    if (plan.stepCount() == 0) {
      out.println("  No changes. The schemas are equivalent.");
      out.flush();
      return;
    }
    for (String line : plan.render()) {
      out.println("  " + t.colourStep(line));
    }
    long unsupported = plan.unsupportedChanges().size();
    out.printf(
        "%nPlan: %d step(s), %s.%n",
        plan.stepCount(),
        unsupported == 0
            ? "supported"
            : t.red(
                "NOT supported ("
                    + unsupported
                    + " unsupported change(s)); apply would refuse it"));
    out.flush();
  }
}
