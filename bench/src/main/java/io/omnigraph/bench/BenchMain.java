package io.omnigraph.bench;

import io.omnigraph.bench.graph.GraphBench;
import io.omnigraph.bench.graph.GraphReport;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the benchmarks whose names match the optional regex (all when absent) and writes a summary
 * of the run to {@code bench/results/}: {@code <timestamp>.json}, {@code <timestamp>.md} and {@code
 * latest.md}, so numbers can be compared run to run. JMH benchmarks take the usual JMH options; the
 * graph workload ({@code GraphBenchmark}, a purpose-built harness: bulk load, answer check, query
 * medians, cold processes) runs when the regex matches its name. {@code cluster-cold [launcher]}
 * instead times fresh control-plane CLI processes ({@link ClusterBenchmark#main}).
 */
public final class BenchMain {
  /** The name the regex is matched against to select the graph workload. */
  static final String GRAPH = "io.omnigraph.bench.graph.GraphBenchmark";

  private BenchMain() {}

  /** JVM flags for the forked benchmark JVMs (those the launcher uses). */
  static String[] forkFlags() {
    List<String> flags =
        new ArrayList<>(
            List.of(
                "-Xss4m",
                "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "--enable-native-access=ALL-UNNAMED"));
    if (Runtime.version().feature() >= 24) {
      flags.add("--sun-misc-unsafe-memory-access=allow");
    }
    return flags.toArray(String[]::new);
  }

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("cluster-cold")) {
      ClusterBenchmark.main(java.util.Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    CommandLineOptions cli;
    try {
      cli = new CommandLineOptions(args);
    } catch (CommandLineOptionException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(2);
      return;
    }
    List<String> includes = cli.getIncludes();
    boolean graph = includes.isEmpty() || includes.stream().anyMatch(r -> matches(r, GRAPH));
    boolean jmh =
        !BenchmarkList.defaultList()
            .find(
                OutputFormatFactory.createFormatInstance(
                    System.out, org.openjdk.jmh.runner.options.VerboseMode.SILENT),
                includes.isEmpty() ? List.of(".*") : includes,
                cli.getExcludes())
            .isEmpty();
    if (!graph && !jmh) {
      System.err.println(
          "no benchmark matched; run with -l to list the JMH ones (or GraphBenchmark)");
      System.exit(1);
    }
    Collection<RunResult> results = List.of();
    if (jmh) {
      Options opts = new OptionsBuilder().parent(cli).jvmArgsAppend(forkFlags()).build();
      results = new Runner(opts).run();
    }
    GraphReport report = graph ? GraphBench.run(Path.of("").toAbsolutePath()) : null;
    Path dir = Path.of(System.getProperty("omnigraph.bench.results", "bench/results"));
    ResultsWriter.write(dir, Instant.now(), results, report);
  }

  private static boolean matches(String regex, String name) {
    return Pattern.compile(regex).matcher(name).find();
  }
}
