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
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code omnigraph changes poll|baseline}: the change feed of a branch (04 §7), embedded (graph
 * URI) or served ({@code --server}: {@code GET /changes}, {@code POST /changes/baseline}) with the
 * same output.
 */
@Command(
    name = "changes",
    mixinStandardHelpOptions = true,
    description = "Read the change feed of a graph branch.",
    subcommands = {ChangesCommand.PollCommand.class, ChangesCommand.BaselineCommand.class})
public final class ChangesCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Where a poll starts: a cursor from an earlier poll, or a start position. */
  static final class From {
    @Option(
        names = "--cursor",
        paramLabel = "<c>",
        description = "Resume after the commits an earlier poll delivered.")
    String cursor;

    @Option(
        names = "--start",
        paramLabel = "now|beginning|after:<id>",
        description = "Start position (default beginning).")
    String start;
  }

  /**
   * {@code changes poll [URI | --uri U | --server S [--graph g]] [--branch b] [--cursor c | --start
   * …] [--limit n] [filters] [--json]}.
   */
  @Command(
      name = "poll",
      mixinStandardHelpOptions = true,
      description = {
        "Print the commits of a branch after a cursor or start position, oldest",
        "first, each with its entity changes (first-parent history; at most 128",
        "commits per poll).",
        "Human: per commit 'commit <id>  <branch>  <authored_at>  <actor>  <n>",
        "changes', then one indented line per change; last 'cursor: <c>' and",
        "whether the poll caught up.",
        "JSON: {blocks:[{cause, changes, refusal?}], cursor, caught_up}.",
        "Resume with --cursor <c>; a cursor older than cleanup's retention is",
        "change_feed_gap (take a new baseline).",
        "Served with --server <name|url> [--graph <g>] (or a server profile):",
        "same output."
      })
  public static final class PollCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "<uri>", description = "The graph root.")
    String positional;

    @Option(names = "--uri", paramLabel = "<uri>", description = "The graph root.")
    String uriOption;

    @Option(names = "--branch", paramLabel = "<b>", description = "Branch (default main).")
    String branch;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    From from;

    @Option(
        names = "--limit",
        paramLabel = "<n>",
        description = "Changes per page read (default 1000, max 8192).")
    Integer limit;

    @Mixin ChangeFilterOptions filters;

    @Option(names = "--json", description = "Print {blocks, cursor, caught_up} as JSON.")
    boolean json;

    @Mixin ScopeOptions scope;

    /** One feed page read: {@code ChangeFeedPage} JSON; a null token reads the first page. */
    private interface Pages {
      JsonNode page(String token);
    }

    @Override
    public Integer call() {
      ScopeOptions.Scope s =
          scope.resolve("changes poll", positional, uriOption, null, spec.commandLine().getErr());
      String cursor = from == null ? null : from.cursor;
      String start = from == null || from.cursor != null ? null : from.start;
      String st = cursor == null && start == null ? "beginning" : start;
      ChangeFilter filter = filters.filter();
      ObjectNode result;
      if (s.isServed()) {
        ServedGraph g = s.served();
        result =
            readAll(
                t ->
                    t == null
                        ? Served.pollChanges(g, branch, cursor, st, null, filter, limit)
                        : Served.pollChanges(g, branch, null, null, t, filter, limit));
      } else {
        try (GraphRoot root = GraphTargets.open(s.uri())) {
          result =
              readAll(
                  t ->
                      GraphTargets.call(
                              () ->
                                  t == null
                                      ? root.pollChanges(branch, cursor, st, null, filter, limit)
                                      : root.pollChanges(branch, null, null, t, filter, limit))
                          .toJson());
        }
      }
      print(result);
      return ExitCodes.OK;
    }

    /**
     * Follows {@code next_page_token} to the terminal page; returns {blocks, cursor, caught_up}
     * with the blocks of every page (a block continuing the previous page's last one is joined).
     */
    private static ObjectNode readAll(Pages pages) {
      JsonNode page = pages.page(null);
      ArrayNode blocks = JsonNodeFactory.instance.arrayNode();
      merge(blocks, page);
      while (page.hasNonNull("next_page_token")) {
        page = pages.page(page.get("next_page_token").asText());
        merge(blocks, page);
      }
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      o.set("blocks", blocks);
      o.set("cursor", page.path("cursor").isMissingNode() ? null : page.get("cursor"));
      o.set("caught_up", page.path("caught_up").isMissingNode() ? null : page.get("caught_up"));
      return o;
    }

    /** Appends a page's blocks; a block continuing the last one (same commit) is joined to it. */
    private static void merge(ArrayNode blocks, JsonNode page) {
      for (JsonNode b : page.path("blocks")) {
        ObjectNode last = blocks.isEmpty() ? null : (ObjectNode) blocks.get(blocks.size() - 1);
        if (last != null
            && last.path("cause")
                .path("graph_commit_id")
                .equals(b.path("cause").path("graph_commit_id"))) {
          ((ArrayNode) last.get("changes")).addAll((ArrayNode) b.get("changes"));
        } else {
          blocks.add(b);
        }
      }
    }

    private void print(ObjectNode o) {
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        Json.print(out, o);
        return;
      }
      for (var b : o.path("blocks")) {
        out.println(ChangeLines.block(b));
        b.path("changes").forEach(c -> out.println("  " + ChangeLines.change(c)));
      }
      out.println("cursor: " + (o.get("cursor").isNull() ? "null" : o.get("cursor").asText()));
      out.println(
          o.get("caught_up").asBoolean()
              ? "caught up"
              : "more commits follow: poll again with --cursor");
      out.flush();
    }
  }

  /**
   * {@code changes baseline [URI | --uri U | --server S [--graph g]] [--branch b] [--kind …]
   * [--type …] [--op …] --out <path> [--json]}.
   */
  @Command(
      name = "baseline",
      mixinStandardHelpOptions = true,
      description = {
        "Write a branch's entities (load envelope, as export) to a file, then a",
        "final line {\"baseline\":{snapshot_commit_id, resume_cursor}}; poll from",
        "resume_cursor to get every later change. --kind/--type select types",
        "(--op does not apply to a snapshot). The file is written beside its",
        "final path and renamed into place (POSIX only).",
        "Human: 'baseline: <n> entities at <commit> -> <path>' and the resume",
        "cursor. JSON: {out, entities, snapshot_commit_id, resume_cursor}.",
        "Served with --server <name|url> [--graph <g>] (or a server profile; needs",
        "the export action): the server's stream is written to the file, same output."
      })
  public static final class BaselineCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "<uri>", description = "The graph root.")
    String positional;

    @Option(names = "--uri", paramLabel = "<uri>", description = "The graph root.")
    String uriOption;

    @Option(names = "--branch", paramLabel = "<b>", description = "Branch (default main).")
    String branch;

    @Mixin ChangeFilterOptions filters;

    @Option(
        names = "--out",
        required = true,
        paramLabel = "<path>",
        description = "The NDJSON file to write.")
    java.nio.file.Path outPath;

    @Option(names = "--json", description = "Print the summary as JSON.")
    boolean json;

    @Mixin ScopeOptions scope;

    @Override
    public Integer call() throws java.io.IOException {
      if (System.getProperty("os.name", "").startsWith("Windows")) {
        throw new io.omnigraph.cli.CliException("changes baseline runs on POSIX systems only");
      }
      ScopeOptions.Scope s =
          scope.resolve(
              "changes baseline", positional, uriOption, null, spec.commandLine().getErr());
      ChangeFilter filter = filters.filter();
      java.nio.file.Path target = outPath.toAbsolutePath();
      java.nio.file.Path tmp = target.resolveSibling("." + target.getFileName() + ".partial");
      ObjectNode r;
      try {
        r = s.isServed() ? served(s.served(), filter, tmp) : embedded(s.uri(), filter, tmp);
      } catch (RuntimeException | java.io.IOException e) {
        java.nio.file.Files.deleteIfExists(tmp);
        throw e;
      }
      java.nio.file.Files.move(
          tmp,
          target,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("out", target.toString());
        o.setAll(r);
        Json.print(out, o);
      } else {
        out.println(
            "baseline: "
                + r.path("entities").asLong()
                + " entities at "
                + r.path("snapshot_commit_id").asText()
                + " -> "
                + target);
        out.println(
            "resume with: omnigraph changes poll --cursor " + r.path("resume_cursor").asText());
        out.flush();
      }
      return ExitCodes.OK;
    }

    /** Writes the baseline of a local graph to {@code tmp}; returns the engine's summary. */
    private ObjectNode embedded(String uri, ChangeFilter filter, java.nio.file.Path tmp)
        throws java.io.IOException {
      try (GraphRoot root = GraphTargets.open(uri)) {
        for (String t : filter.types()) {
          if (root.catalog().node(t).isEmpty() && root.catalog().edge(t).isEmpty()) {
            throw new io.omnigraph.cli.CliException(
                "--type '" + t + "' is not a node or edge type of the graph");
          }
        }
        try (java.io.OutputStream out =
            new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(tmp))) {
          return GraphTargets.call(() -> root.changesBaseline(out, branch, filter));
        }
      }
    }

    /**
     * Copies the server's baseline stream to {@code tmp}; the summary ({@code snapshot_commit_id,
     * resume_cursor, entities}) comes from its final record and the entity lines before it. A
     * stream without that record (the server failed mid-way) is an error.
     */
    private ObjectNode served(ServedGraph g, ChangeFilter filter, java.nio.file.Path tmp)
        throws java.io.IOException {
      LineTail tail;
      try (java.io.InputStream in = Served.baseline(g, branch, filter);
          java.io.OutputStream file =
              new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(tmp))) {
        tail = new LineTail(file);
        in.transferTo(tail);
      }
      JsonNode last = tail.lastLine();
      if (last == null || !last.path("baseline").isObject()) {
        throw new io.omnigraph.cli.CliException(
            "the server at "
                + g.url()
                + " ended the baseline stream before its final baseline record (the server failed"
                + " mid-way; see its log); nothing was written to "
                + outPath
                + " — run changes baseline again");
      }
      ObjectNode r = ((ObjectNode) last.get("baseline")).deepCopy();
      r.put("entities", tail.lines() - 1);
      return r;
    }
  }
}
