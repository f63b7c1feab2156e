package io.omnigraph.cli.cluster;

import io.omnigraph.engine.failpoint.Failpoints;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts a real {@code omnigraph} CLI in a child JVM (the test class path, {@code Main}). */
final class ChildCli {
  private ChildCli() {}

  static Process start(Path log, String failpoint, Map<String, String> env, String... args)
      throws IOException {
    return start(log, failpoint, List.of(), env, args);
  }

  static Process start(
      Path log, String failpoint, List<String> jvmFlags, Map<String, String> env, String... args)
      throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (a.startsWith("--add-opens")
          || a.startsWith("--enable-native-access")
          || a.startsWith("--sun-misc")
          || a.startsWith("-Xss")) {
        cmd.add(a);
      }
    }
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.addAll(jvmFlags);
    if (failpoint != null) {
      cmd.add("-D" + Failpoints.KEY + "=" + failpoint);
    }
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("io.omnigraph.cli.Main");
    cmd.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().remove(Failpoints.KEY);
    pb.environment().putAll(env);
    return pb.start();
  }
}
