package io.omnigraph.bench.graph;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The anchors' cold process: a fresh JVM that opens the stored database and answers Q1 once,
 * printing the rows ({@code ColdMain kuzu|neo4j <dir> <slug>}).
 */
public final class ColdMain {
  private ColdMain() {}

  public static void main(String[] args) {
    Path dir = Path.of(args[1]);
    List<List<String>> rows =
        switch (args[0]) {
          case "kuzu" -> KuzuEngine.coldQ1(dir, args[2]);
          case "neo4j" -> Neo4jEngine.coldQ1(dir, args[2]);
          default -> throw new IllegalArgumentException("unknown engine " + args[0]);
        };
    System.out.println(rows);
    System.exit(0);
  }

  /** The command line that starts this class in a fresh JVM with the bench class path. */
  static List<String> command(String engine, Path dir, String slug) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(GraphBench.jvmFlags());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(ColdMain.class.getName());
    cmd.add(engine);
    cmd.add(dir.toString());
    cmd.add(slug);
    return cmd;
  }
}
