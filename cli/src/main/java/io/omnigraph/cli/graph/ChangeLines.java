package io.omnigraph.cli.graph;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The human spelling of change-feed output: one line per change, one header per commit block. */
final class ChangeLines {
  private ChangeLines() {}

  /**
   * {@code <op> <kind> <Type> <id>[ <from> -> <to>][ field: before -> after, …]} (the field list
   * only for updates).
   */
  static String change(JsonNode c) {
    StringBuilder b =
        new StringBuilder()
            .append(c.path("op").asText())
            .append("  ")
            .append(c.path("kind").asText())
            .append(' ')
            .append(c.path("type").path("name").asText())
            .append("  ")
            .append(c.path("id").asText());
    JsonNode image = c.has("after") ? c.get("after") : c.path("before");
    if (image.has("from")) {
      b.append("  ")
          .append(image.path("from").asText())
          .append(" -> ")
          .append(image.path("to").asText());
    }
    if (c.has("before") && c.has("after")) {
      List<String> fields = fields(c.get("before").path("data"), c.get("after").path("data"));
      if (!fields.isEmpty()) {
        b.append("  ").append(String.join(", ", fields));
      }
    }
    return b.toString();
  }

  private static List<String> fields(JsonNode before, JsonNode after) {
    Set<String> names = new TreeSet<>();
    before.fieldNames().forEachRemaining(names::add);
    after.fieldNames().forEachRemaining(names::add);
    List<String> out = new ArrayList<>();
    for (String n : names) {
      JsonNode x = before.get(n);
      JsonNode y = after.get(n);
      if (x == null ? y != null : !x.equals(y)) {
        out.add(n + ": " + spell(x) + " -> " + spell(y));
      }
    }
    return out;
  }

  private static String spell(JsonNode v) {
    return v == null ? "null" : v.isTextual() ? v.asText() : v.toString();
  }

  /** {@code commit <id> <branch> <authored_at> <actor> <n> change(s)[ (refusal)]}. */
  static String block(JsonNode block) {
    JsonNode c = block.path("cause");
    int n = block.path("changes").size();
    return "commit "
        + c.path("graph_commit_id").asText()
        + "  "
        + c.path("authored_branch").asText()
        + "  "
        + CommitCommand.iso(c.path("authored_at").asLong())
        + "  "
        + (c.has("actor_id") ? c.get("actor_id").asText() : "-")
        + "  "
        + n
        + (n == 1 ? " change" : " changes")
        + (block.has("refusal") ? "  (" + block.get("refusal").asText() + ": not diffed)" : "");
  }
}
