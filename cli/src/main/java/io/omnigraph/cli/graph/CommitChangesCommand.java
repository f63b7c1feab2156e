package io.omnigraph.cli.graph;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.cli.ExitCodes;
import io.omnigraph.cli.Json;
import io.omnigraph.engine.root.ChangeFilter;
import io.omnigraph.engine.root.CommitChanges;
import io.omnigraph.engine.root.GraphRoot;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code commit changes [--uri U] <id> [--limit n] [--page-token t] [--kind …] [--type …] [--op …]
 * [--json]} (04 §7): the entity changes of one commit versus its first parent.
 */
@Command(
    name = "changes",
    mixinStandardHelpOptions = true,
    description = {
      "The entity changes a commit made versus its first parent.",
      "Usage: commit changes --uri <uri> <id>, or commit changes <uri> <id>.",
      "Order: nodes, then edges; by type id, entity id. Reads every page",
      "unless --page-token is given (then prints that page and, on stderr,",
      "the next token).",
      "Human: one line per change: <op>  <kind> <Type>  <id>",
      "[  <from> -> <to>][  field: before -> after, … (updates)].",
      "JSON: {cause, changes:[…], next_page_token?}.",
      "A graph's first commit (parentless_commit) and a schema apply",
      "(schema_boundary) cannot be diffed."
    })
public final class CommitChangesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      arity = "1..2",
      paramLabel = "[<uri>] <id>",
      description = "The graph root (unless --uri is given) and the commit id.")
  List<String> args;

  @Option(names = "--uri", paramLabel = "<uri>", description = "The graph root.")
  String uriOption;

  @Option(
      names = "--limit",
      paramLabel = "<n>",
      description = "Changes per page (default 1000, max 8192).")
  Integer limit;

  @Option(
      names = "--page-token",
      paramLabel = "<t>",
      description = "Print only the page this token continues to.")
  String pageToken;

  @Mixin ChangeFilterOptions filters;

  @Option(names = "--json", description = "Print {cause, changes, next_page_token?} as JSON.")
  boolean json;

  @Override
  public Integer call() {
    String[] ui = GraphTargets.uriAndArgument(args, uriOption, "commit changes", "commit id");
    CommitChanges page;
    ArrayNode all;
    try (GraphRoot root = GraphTargets.open(ui[0])) {
      ChangeFilter filter = filters.filter();
      page = GraphTargets.call(() -> root.commitChanges(ui[1], filter, limit, pageToken));
      all = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
      all.addAll(page.changes());
      while (pageToken == null && page.nextPageToken() != null) {
        String t = page.nextPageToken();
        page = GraphTargets.call(() -> root.commitChanges(ui[1], filter, limit, t));
        all.addAll(page.changes());
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectNode o = page.toJson();
      o.set("changes", all);
      Json.print(out, o);
    } else {
      all.forEach(c -> out.println(ChangeLines.change(c)));
      out.flush();
      if (page.nextPageToken() != null) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("next page: --page-token " + page.nextPageToken());
        err.flush();
      }
    }
    return ExitCodes.OK;
  }
}
