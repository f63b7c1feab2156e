package io.omnigraph.cli.graph;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.cli.CliException;
import io.omnigraph.cli.ExitCodes;
import io.omnigraph.cli.Json;
import io.omnigraph.cli.served.ScopeOptions;
import io.omnigraph.cli.served.ServedGraph;
import io.omnigraph.engine.load.LoadException;
import io.omnigraph.engine.load.LoadMode;
import io.omnigraph.engine.root.GraphRoot;
import io.omnigraph.engine.root.LoadResult;
import io.omnigraph.engine.root.RootException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code omnigraph load <uri> --data <file> --mode …}: one graph batch = one commit (04 §2). */
@Command(
    name = "load",
    mixinStandardHelpOptions = true,
    description = {
      "Load a JSONL graph batch as one graph commit.",
      "Served: load --server <name|url> [--graph <id>] ... sends the batch (at most",
      "32 MiB) to /load/ndjson; the server records its token's actor (no --as).",
      "Modes: append (strict insert), merge (upsert by id), overwrite (replace each touched type).",
      "A batch with any error writes nothing. Files over 4 MiB show a progress bar on a",
      "terminal (stderr), never with --json or --quiet."
    })
public final class LoadCommand implements Callable<Integer> {
  /** The body limit of {@code /load/ndjson} (06 §7). */
  static final long SERVED_LOAD_LIMIT = 32L * 1024 * 1024;

  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "<uri>", description = "The graph root.")
  String positional;

  @Mixin ScopeOptions scope;

  @Option(names = "--data", required = true, paramLabel = "<file.jsonl>", description = "Batch.")
  Path data;

  @Option(
      names = "--mode",
      required = true,
      paramLabel = "<mode>",
      description = "append, merge or overwrite (no default).")
  String mode;

  @Option(names = "--branch", paramLabel = "<b>", description = "Target branch (default main).")
  String branch;

  @Option(
      names = "--from",
      paramLabel = "<base>",
      description = "Create a missing --branch from this branch first.")
  String from;

  @Option(
      names = "--as",
      paramLabel = "<actor>",
      description = "Actor recorded on the commit (default operator.actor of the config).")
  String actor;

  @Option(names = "--yes", description = "Confirm overwrite of a non-local graph.")
  boolean yes;

  @Option(names = "--quiet", description = "Do not echo the write target on stderr.")
  boolean quiet;

  @Option(names = "--json", description = "Print one JSON object on stdout.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    LoadMode m;
    try {
      m = LoadMode.parse(mode);
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage(), ExitCodes.USAGE);
    }
    ScopeOptions.Scope s =
        scope.resolve("load", positional, null, actor, spec.commandLine().getErr());
    if (s.isServed()) {
      return served(s.served(), m);
    }
    String uri = s.uri();
    if (m == LoadMode.OVERWRITE && !yes && !GraphTargets.isLocal(uri)) {
      throw new CliException(
          "refusing destructive `load --mode overwrite` against non-local target "
              + uri
              + " without confirmation; pass --yes to confirm");
    }
    String who =
        io.omnigraph.cli.config.OperatorConfig.resolveActor(actor, spec.commandLine().getErr());
    GraphTargets.echo(spec.commandLine().getErr(), "load", uri, quiet);
    LoadResult r;
    try (GraphRoot root = GraphTargets.open(uri);
        InputStream in =
            LoadProgress.wrap(
                Files.newInputStream(data),
                spec.commandLine().getErr(),
                Files.size(data),
                json || quiet)) {
      r = root.load(in, m, branch == null ? "main" : branch, from, who);
    } catch (NoSuchFileException e) {
      throw new CliException("cannot read " + data + ": no such file");
    } catch (LoadException e) {
      throw new CliException("load failed (" + e.code() + "): " + e.getMessage());
    } catch (RootException e) {
      throw new CliException(e.getMessage());
    }
    print(uri, r.toJson(uri));
    return ExitCodes.OK;
  }

  private void print(String uri, ObjectNode o) {
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Json.print(out, o);
    } else {
      out.println(HumanOutput.load(uri, o));
      out.flush();
    }
  }

  private int served(ServedGraph g, LoadMode m) throws IOException {
    if (m == LoadMode.OVERWRITE && !yes) {
      throw new CliException(
          "refusing destructive `load --mode overwrite` against non-local target "
              + g.url()
              + " without confirmation; pass --yes to confirm");
    }
    byte[] bytes;
    try {
      if (Files.size(data) > SERVED_LOAD_LIMIT) {
        throw new CliException(
            data
                + " is larger than the 32 MiB a server accepts per load request; split the batch"
                + " (each part is one commit) or load it directly into the graph's storage");
      }
      bytes = Files.readAllBytes(data);
    } catch (NoSuchFileException e) {
      throw new CliException("cannot read " + data + ": no such file");
    }
    Served.echo(spec.commandLine().getErr(), "load", g, quiet);
    print(g.url(), Served.load(g, bytes, m.wire(), branch, from));
    return ExitCodes.OK;
  }
}
