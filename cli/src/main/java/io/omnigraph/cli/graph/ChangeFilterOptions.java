package io.omnigraph.cli.graph;

import io.omnigraph.engine.root.ChangeFilter;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --kind/--type/--op} filters of {@code commit changes} and {@code changes *}. */
final class ChangeFilterOptions {
  @Option(names = "--kind", paramLabel = "node|edge", description = "Only this kind (repeatable).")
  List<String> kinds;

  @Option(names = "--type", paramLabel = "<T>", description = "Only this type (repeatable).")
  List<String> types;

  @Option(
      names = "--op",
      paramLabel = "insert|update|delete",
      description = "Only this op (repeatable; a baseline has no ops).")
  List<String> ops;

  /** The filter, with spelling errors reported like the commands' other failures. */
  ChangeFilter filter() {
    return GraphTargets.call(() -> ChangeFilter.of(kinds, types, ops));
  }
}
