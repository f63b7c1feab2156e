package io.omnigraph.cli.graph;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.cli.ExitCodes;
import io.omnigraph.cli.Json;
import io.omnigraph.engine.root.ChangeFeedPage;
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

/** {@code omnigraph changes poll|baseline}: the change feed of a branch (04 §7). */
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
   * {@code changes poll [URI] [--uri U] [--branch b] [--cursor c | --start …] [--limit n] [filters]
   * [--json]}.
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
        "change_feed_gap (take a new baseline)."
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

    @Override
    public Integer call() {
      String uri = GraphTargets.uriOf(positional, uriOption);
      String cursor = from == null ? null : from.cursor;
      String start = from == null || from.cursor != null ? null : from.start;
      if (cursor == null && start == null) {
        start = "beginning";
      }
      ArrayNode blocks = JsonNodeFactory.instance.arrayNode();
      ChangeFeedPage page;
      try (GraphRoot root = GraphTargets.open(uri)) {
        ChangeFilter filter = filters.filter();
        String c = cursor;
        String s = start;
        page = GraphTargets.call(() -> root.pollChanges(branch, c, s, null, filter, limit));
        blocks.addAll(page.blocks());
        while (page.nextPageToken() != null) {
          String t = page.nextPageToken();
          page = GraphTargets.call(() -> root.pollChanges(branch, null, null, t, filter, limit));
          merge(blocks, page);
        }
      }
      print(blocks, page);
      return ExitCodes.OK;
    }

    /** Appends a page's blocks; a block continuing the last one (same commit) is joined to it. */
    private static void merge(ArrayNode blocks, ChangeFeedPage page) {
      for (ObjectNode b : page.blocks()) {
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

    private void print(ArrayNode blocks, ChangeFeedPage last) {
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.set("blocks", blocks);
        o.put("cursor", last.cursor());
        o.put("caught_up", last.caughtUp());
        Json.print(out, o);
        return;
      }
      for (var b : blocks) {
        out.println(ChangeLines.block(b));
        b.path("changes").forEach(c -> out.println("  " + ChangeLines.change(c)));
      }
      out.println("cursor: " + last.cursor());
      out.println(
          Boolean.TRUE.equals(last.caughtUp())
              ? "caught up"
              : "more commits follow: poll again with --cursor");
      out.flush();
    }
  }

  /**
   * {@code changes baseline [URI] [--uri U] [--branch b] [--kind …] [--type …] [--op …] --out
   * <path> [--json]}.
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
        "cursor. JSON: {out, entities, snapshot_commit_id, resume_cursor}."
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

    @Override
    public Integer call() throws java.io.IOException {
      if (System.getProperty("os.name", "").startsWith("Windows")) {
        throw new io.omnigraph.cli.CliException("changes baseline runs on POSIX systems only");
      }
      String uri = GraphTargets.uriOf(positional, uriOption);
      java.nio.file.Path target = outPath.toAbsolutePath();
      java.nio.file.Path tmp = target.resolveSibling("." + target.getFileName() + ".partial");
      ObjectNode r;
      try (GraphRoot root = GraphTargets.open(uri)) {
        ChangeFilter filter = filters.filter();
        for (String t : filter.types()) {
          if (root.catalog().node(t).isEmpty() && root.catalog().edge(t).isEmpty()) {
            throw new io.omnigraph.cli.CliException(
                "--type '" + t + "' is not a node or edge type of the graph");
          }
        }
        try (java.io.OutputStream out =
            new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(tmp))) {
          r = GraphTargets.call(() -> root.changesBaseline(out, branch, filter));
        } catch (RuntimeException | java.io.IOException e) {
          java.nio.file.Files.deleteIfExists(tmp);
          throw e;
        }
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
  }
}
