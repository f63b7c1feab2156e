package io.omnigraph.cli.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.cli.Terminal;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Human output of the cluster commands (05 §13): a headline, Terraform-like change lines ({@code +
 * Create}, {@code ~ Update}, {@code - Delete}; coloured on a terminal), migration steps indented
 * under schema updates, a summary line, then diagnostics ({@code ERROR}/{@code WARN}).
 */
final class ClusterPrinter {
  private final PrintWriter out;
  private final Terminal term;

  ClusterPrinter(PrintWriter out, Terminal term) {
    this.out = out;
    this.term = term;
  }

  void print(String command, ObjectNode o) {
    boolean ok = o.path("ok").asBoolean();
    switch (command) {
      case "validate" -> validate(o, ok);
      case "plan" -> plan(o, ok);
      case "apply" -> apply(o, ok);
      case "approve" ->
          line(
              ok
                  ? "cluster approve: "
                      + o.path("operation").asText()
                      + " "
                      + o.path("resource").asText()
                      + " approved by "
                      + o.path("approved_by").asText()
                      + " (approval "
                      + o.path("approval_id").asText()
                      + ")"
                  : "cluster approve failed");
      case "status" -> status(o, ok);
      case "force-unlock" ->
          line(
              ok
                  ? "cluster force-unlock: removed lock (id="
                      + o.path("state_observations").path("lock_id").asText()
                      + ")"
                  : "cluster force-unlock failed");
      default -> refresh(command, o, ok);
    }
    diagnostics(o);
    out.flush();
  }

  private void line(String s) {
    out.println(s);
  }

  private void validate(ObjectNode o, boolean ok) {
    line(
        ok
            ? "cluster config valid: "
                + o.path("resources").size()
                + " resource(s), "
                + o.path("dependencies").size()
                + " dependency edge(s)"
            : "cluster config invalid");
  }

  private void plan(ObjectNode o, boolean ok) {
    if (!ok) {
      line("cluster plan failed");
      return;
    }
    JsonNode changes = o.path("changes");
    line(
        "cluster plan: "
            + changes.size()
            + " change(s), "
            + o.path("approvals_required").size()
            + " approval gate(s)");
    changes.forEach(c -> change(c, false));
    if (changes.isEmpty()) {
      line("  no changes");
    } else {
      summary(changes);
    }
  }

  private void apply(ObjectNode o, boolean ok) {
    JsonNode changes = o.path("changes");
    line(
        ok
            ? "cluster apply: "
                + o.path("applied_count").asLong()
                + " applied, "
                + o.path("deferred_count").asLong()
                + " deferred/blocked"
            : "cluster apply failed");
    changes.forEach(c -> change(c, true));
    if (ok) {
      line(
          "  state: revision "
              + o.path("state_revision").asLong()
              + ", converged: "
              + o.path("converged").asBoolean()
              + ", written: "
              + o.path("state_written").asBoolean());
      if (o.path("state_written").asBoolean()) {
        line("  restart cluster-booted servers to serve the new revision");
      }
    }
  }

  private void change(JsonNode c, boolean withDisposition) {
    String op = c.path("operation").asText();
    String sign =
        switch (op) {
          case "create" -> "+";
          case "delete" -> "-";
          default -> "~";
        };
    StringBuilder sb =
        new StringBuilder("  ")
            .append(sign)
            .append(' ')
            .append(title(op))
            .append(' ')
            .append(c.path("resource").asText());
    if (c.path("binding_change").asBoolean()) {
      sb.append(" [bindings]");
    }
    String disposition = c.path("disposition").asText("");
    if (withDisposition || disposition.equals("blocked") || disposition.equals("deferred")) {
      if (!disposition.isEmpty()) {
        sb.append(" [").append(title(disposition));
        if (c.hasNonNull("reason")) {
          sb.append(": ").append(c.path("reason").asText());
        }
        sb.append(']');
      }
    }
    line(colour(sign, sb.toString()));
    JsonNode m = c.path("migration");
    if (m.isObject()) {
      if (!m.path("supported").asBoolean(true)) {
        line("      migration UNSUPPORTED:");
      }
      m.path("steps").forEach(step -> line("      " + step.toString()));
      if (m.has("blocking_branches")) {
        line("      blocked by branches: " + m.path("blocking_branches").toString());
      }
    }
  }

  private String colour(String sign, String text) {
    String body = text.substring(2);
    return "  " + term.colourStep(body);
  }

  private void summary(JsonNode changes) {
    int create = 0;
    int update = 0;
    int delete = 0;
    for (JsonNode c : changes) {
      switch (c.path("operation").asText()) {
        case "create" -> create++;
        case "delete" -> delete++;
        default -> update++;
      }
    }
    line("Plan: " + create + " to create, " + update + " to update, " + delete + " to delete.");
  }

  private void status(ObjectNode o, boolean ok) {
    JsonNode so = o.path("state_observations");
    if (!ok && so.isMissingNode()) {
      line("cluster status failed");
      return;
    }
    if (!so.path("state_found").asBoolean()) {
      line("cluster state missing");
    } else {
      line(
          "cluster state: revision "
              + so.path("state_revision").asLong()
              + ", "
              + so.path("resource_count").asLong()
              + " resource(s)");
      line("  applied config: " + so.path("applied_config_digest").asText("none"));
    }
    if (so.path("locked").asBoolean()) {
      line(
          "  lock: held (id="
              + so.path("lock_id").asText()
              + ", operation="
              + so.path("lock_operation").asText()
              + ", pid="
              + so.path("lock_pid").asLong()
              + ", created_at="
              + so.path("lock_created_at").asText()
              + ", age_seconds="
              + so.path("lock_age_seconds").asLong()
              + ")");
    } else {
      line("  lock: not held");
    }
    o.path("resource_statuses")
        .fields()
        .forEachRemaining(
            e -> {
              JsonNode s = e.getValue();
              String conds = s.has("conditions") ? " " + s.path("conditions").toString() : "";
              line("  " + e.getKey() + ": " + s.path("status").asText() + conds);
            });
  }

  private void refresh(String command, ObjectNode o, boolean ok) {
    if (!o.path("state_written").asBoolean()) {
      line("cluster " + command + " failed");
      return;
    }
    line(
        "cluster "
            + command
            + ": revision "
            + o.path("state_revision").asLong()
            + ", "
            + o.path("resource_count").asLong()
            + " resource(s)");
    line("  state_cas: " + o.path("state_cas").asText());
    if (!ok) {
      line("cluster " + command + " failed");
    }
  }

  private void diagnostics(ObjectNode o) {
    for (JsonNode d : o.path("diagnostics")) {
      boolean error = d.path("severity").asText().equals("error");
      String head = error ? "ERROR " : "WARN  ";
      String text =
          head
              + d.path("code").asText()
              + " "
              + d.path("path").asText()
              + ": "
              + d.path("message").asText();
      line(error ? term.red(text) : text);
    }
  }

  private static String title(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }
}
