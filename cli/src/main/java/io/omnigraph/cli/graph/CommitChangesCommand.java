package io.omnigraph.cli.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.cli.ExitCodes;
import io.omnigraph.cli.Json;
import io.omnigraph.cli.served.ScopeOptions;
import io.omnigraph.cli.served.ServedGraph;
import io.omnigraph.engine.root.ChangeFilter;
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
 * {@code commit changes [--uri U | --server S [--graph g]] <id> [--limit n] [--page-token t]
 * [--kind …] [--type …] [--op …] [--json]} (04 §7): the entity changes of one commit versus its
 * first parent, embedded or served ({@code GET /commits/{id}/changes}) with the same output.
 */
@Command(
    name = "changes",
    mixinStandardHelpOptions = true,
    description = {
      "The entity changes a commit made versus its first parent.",
      "Usage: commit changes --uri <uri> <id>, commit changes <uri> <id>, or",
      "commit changes --server <name|url> [--graph <g>] <id> (served; same output).",
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

  @Mixin ScopeOptions scope;

  /** One page read: the {@code CommitChanges} JSON continuing at {@code token} (null: first). */
  private interface Pages {
    JsonNode page(String token);
  }

  @Override
  public Integer call() {
    GraphArgs.Target t =
        GraphArgs.target(
            scope, args, uriOption, "commit changes", "commit id", null, spec.commandLine());
    String id = t.argument();
    ChangeFilter filter = filters.filter();
    ObjectNode result;
    if (t.scope().isServed()) {
      ServedGraph g = t.scope().served();
      result = readAll(tok -> Served.commitChanges(g, id, filter, limit, tok));
    } else {
      try (GraphRoot root = GraphTargets.open(t.scope().uri())) {
        result =
            readAll(
                tok ->
                    GraphTargets.call(() -> root.commitChanges(id, filter, limit, tok)).toJson());
      }
    }
    print(result);
    return ExitCodes.OK;
  }

  /**
   * The page at {@code --page-token} alone, or every page from the first: the last page's object
   * with {@code changes} replaced by all changes read (its {@code next_page_token} is kept).
   */
  private ObjectNode readAll(Pages pages) {
    ObjectNode page = (ObjectNode) pages.page(pageToken);
    ArrayNode all = JsonNodeFactory.instance.arrayNode();
    all.addAll((ArrayNode) page.path("changes"));
    while (pageToken == null && page.hasNonNull("next_page_token")) {
      page = (ObjectNode) pages.page(page.get("next_page_token").asText());
      all.addAll((ArrayNode) page.path("changes"));
    }
    page.set("changes", all);
    return page;
  }

  private void print(ObjectNode o) {
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Json.print(out, o);
      return;
    }
    o.path("changes").forEach(c -> out.println(ChangeLines.change(c)));
    out.flush();
    if (o.hasNonNull("next_page_token")) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("next page: --page-token " + o.get("next_page_token").asText());
      err.flush();
    }
  }
}
