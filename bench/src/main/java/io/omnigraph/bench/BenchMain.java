package io.omnigraph.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs JMH with the usual command-line options and writes a summary of every run to {@code
 * bench/results/}: {@code <timestamp>.json}, {@code <timestamp>.md} and {@code latest.md}, so
 * numbers can be compared run to run. {@code cluster-cold [launcher]} instead times fresh CLI
 * processes ({@link ClusterBenchmark#main}).
 */
public final class BenchMain {
  private BenchMain() {}

  /** JVM flags for the forked benchmark JVMs (those the launcher uses). */
  static String[] forkFlags() {
    java.util.List<String> flags =
        new java.util.ArrayList<>(
            java.util.List.of(
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
    Options opts = new OptionsBuilder().parent(cli).jvmArgsAppend(forkFlags()).build();
    Collection<RunResult> results = new Runner(opts).run();
    if (results.isEmpty()) {
      System.err.println("no benchmark matched; run with -l to list them");
      System.exit(1);
    }
    Path dir = Path.of(System.getProperty("omnigraph.bench.results", "bench/results"));
    ResultsWriter.write(dir, Instant.now(), results);
  }
}
