package io.omnigraph.bench.graph;

import java.nio.file.Path;
import java.util.List;

/** One system under test: loads the workload, then answers Q1–Q7 with a parameter value. */
interface GraphEngine extends AutoCloseable {
  String name();

  /** Loads the whole workload into a fresh database under {@code dir}; returns nanoseconds. */
  long load(Workload w, Workload.Files3 files, Path dir) throws Exception;

  /** Answers {@code q} for {@code param}: rows of values spelled by {@link #cell}. */
  List<List<String>> run(Queries.Q q, String param);

  /**
   * The command line of a fresh process that opens what {@link #load} wrote and answers Q1 for
   * {@code slug} (run after {@link #close}).
   */
  List<String> coldCommand(Path dir, String slug);

  @Override
  void close();

  /** One spelling for every engine: integers as decimal, everything else by toString. */
  static String cell(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof Number n && !(v instanceof Double) && !(v instanceof Float)) {
      return Long.toString(n.longValue());
    }
    return v.toString();
  }
}
