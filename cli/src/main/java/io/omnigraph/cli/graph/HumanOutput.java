package io.omnigraph.cli.graph;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The human output of the graph verbs, rendered from their {@code --json} objects, so an embedded
 * graph and a served one (whose answers arrive as JSON) print the same text.
 */
final class HumanOutput {
  private HumanOutput() {}

  private static String text(JsonNode o, String field) {
    JsonNode v = o.path(field);
    return v.isMissingNode() || v.isNull() ? null : v.asText();
  }

  private static String plural(long n, String one, String many) {
    return n + (n == 1 ? one : many);
  }

  /** {@code mutated <q> on branch <b>: <n> nodes, <m> edges affected (commit …)}. */
  static String mutation(JsonNode o) {
    JsonNode c = o.path("commit");
    return "mutated "
        + text(o, "query_name")
        + " on branch "
        + text(o, "branch")
        + ": "
        + plural(o.path("affected_nodes").asLong(), " node, ", " nodes, ")
        + plural(o.path("affected_edges").asLong(), " edge", " edges")
        + " affected"
        + (c.isObject()
            ? " (commit "
                + text(c, "graph_commit_id")
                + ", manifest v"
                + c.path("graph_manifest_version").asLong()
                + ")"
            : " (nothing changed, no commit)");
  }

  /** {@code loaded <uri> on branch <b> with <mode>: <n> entities across …}. */
  static String load(String uri, JsonNode o) {
    String base = text(o, "base_branch");
    return "loaded "
        + uri
        + " on branch "
        + text(o, "branch")
        + " with "
        + text(o, "mode")
        + ": "
        + o.path("total_entities").asLong()
        + " entities across "
        + o.path("nodes").size()
        + " node types and "
        + o.path("edges").size()
        + " edge types"
        + (base == null ? "" : "\nbranch " + text(o, "branch") + " created from " + base);
  }

  /** {@code merged <s> into <t>: <outcome> (commit …) (manifest v…)}. */
  static String merge(JsonNode o) {
    JsonNode c = o.path("commit");
    long v = o.path("graph_manifest_version").asLong();
    return "merged "
        + text(o, "source")
        + " into "
        + text(o, "target")
        + ": "
        + text(o, "outcome")
        + (c.isObject() ? " (commit " + text(c, "graph_commit_id") + ")" : "")
        + (v > 0 ? " (manifest v" + v + ")" : "")
        + (o.path("branch_deleted").asBoolean(false)
            ? "\ndeleted branch " + text(o, "source")
            : "");
  }

  /** One {@code commit list} line. */
  static String commitLine(JsonNode c) {
    return String.join(
        "  ",
        text(c, "graph_commit_id"),
        "v" + c.path("graph_manifest_version").asLong(),
        CommitCommand.iso(c.path("created_at").asLong()),
        CommitCommand.dash(text(c, "actor_id")),
        CommitCommand.dash(text(c, "parent_commit_id")));
  }

  /** The {@code commit show} block. */
  static void commitShow(PrintWriter out, JsonNode c) {
    out.println("commit      " + text(c, "graph_commit_id"));
    out.println("branch      " + text(c, "graph_branch"));
    out.println("manifest    v" + c.path("graph_manifest_version").asLong());
    out.println("created_at  " + CommitCommand.iso(c.path("created_at").asLong()));
    out.println("actor       " + CommitCommand.dash(text(c, "actor_id")));
    out.println("parent      " + CommitCommand.dash(text(c, "parent_commit_id")));
    if (text(c, "merged_parent_commit_id") != null) {
      out.println("merged      " + text(c, "merged_parent_commit_id"));
    }
    out.flush();
  }

  /** The {@code snapshot} header line and dataset table. */
  static void snapshot(PrintWriter out, JsonNode s, String headCommit) {
    out.println(
        "branch "
            + text(s, "graph_branch")
            + " at manifest v"
            + s.path("graph_manifest_version").asLong()
            + " (internal schema "
            + s.path("internal_schema_version").asInt()
            + ", head "
            + CommitCommand.dash(headCommit)
            + ")");
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"kind", "type", "dataset", "version", "rows"});
    for (JsonNode d : s.path("datasets")) {
      String nb = text(d, "native_dataset_branch");
      rows.add(
          new String[] {
            text(d, "entity_kind"),
            text(d, "type_name"),
            text(d, "dataset_path") + (nb == null ? "" : " @" + nb),
            "v" + d.path("published_dataset_version").asLong(),
            Long.toString(d.path("entity_count").asLong())
          });
    }
    int[] w = new int[5];
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        w[i] = Math.max(w[i], r[i].length());
      }
    }
    for (String[] r : rows) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < r.length; i++) {
        sb.append(i == 0 ? "" : "  ").append(r[i]).append(" ".repeat(w[i] - r[i].length()));
      }
      out.println(sb.toString().stripTrailing());
    }
    out.flush();
  }
}
