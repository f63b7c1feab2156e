package io.omnigraph.cli.graph;

import io.omnigraph.cli.ExitCodes;
import io.omnigraph.cli.served.ScopeOptions;
import io.omnigraph.engine.root.GraphRoot;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code omnigraph export [URI] [--branch b] [--type T …]}: JSONL in the load envelope (04 §6). */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    header = "Write a branch head to stdout as JSONL in the load envelope (re-loadable).",
    description = {
      "Write a branch head to stdout as JSONL in the load envelope (re-loadable with load):",
      "nodes {\"type\",\"data\":{id,…}} by type name, then edges {\"edge\",\"from\",\"to\",\"data\"}."
    })
public final class ExportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "<uri>", description = "The graph root.")
  String positional;

  @Option(
      names = {"--uri", "--store"},
      paramLabel = "<uri>",
      description = "The graph root.")
  String uriOption;

  @Mixin ScopeOptions scope;

  @Option(names = "--branch", paramLabel = "<b>", description = "Branch (default main).")
  String branch;

  @Option(
      names = "--type",
      paramLabel = "<T>",
      description = "Only these node or edge types (repeatable; default all).")
  List<String> types;

  @Option(names = "--jsonl", hidden = true, description = "Deprecated no-op (always JSONL).")
  boolean jsonl;

  @Override
  public Integer call() throws java.io.IOException {
    ScopeOptions.Scope s =
        scope.resolve("export", positional, uriOption, null, spec.commandLine().getErr());
    if (s.isServed()) {
      Served.export(s.served(), branch, types, spec.commandLine().getOut());
      return ExitCodes.OK;
    }
    String uri = s.uri();
    try (GraphRoot root = GraphTargets.open(uri);
        WriterOutputStream out = new WriterOutputStream(spec.commandLine().getOut())) {
      GraphTargets.call(() -> root.export(out, branch == null ? "main" : branch, types));
    }
    return ExitCodes.OK;
  }
}
