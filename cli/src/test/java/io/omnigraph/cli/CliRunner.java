package io.omnigraph.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/** Runs the real CLI in-process and captures its exit code, stdout and stderr. */
public final class CliRunner {
  public record Run(int exitCode, String out, String err) {}

  private CliRunner() {}

  public static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = Main.newCommandLine();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int code = cmd.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  /** Runs the CLI and asserts exit 0 (the message shows the arguments and stderr). */
  public static Run ok(String... args) {
    Run r = run(args);
    org.assertj.core.api.Assertions.assertThat(r.exitCode())
        .as(String.join(" ", args) + "\n" + r.err())
        .isZero();
    return r;
  }

  /** Runs the CLI and asserts a non-zero exit (the message shows the arguments and stdout). */
  public static Run fails(String... args) {
    Run r = run(args);
    org.assertj.core.api.Assertions.assertThat(r.exitCode())
        .as(String.join(" ", args) + "\n" + r.out())
        .isNotZero();
    return r;
  }

  /** A file of {@code examples/quickstart}, found from the working directory upwards. */
  public static Path quickstart(String name) {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      Path p = d.resolve("examples/quickstart").resolve(name);
      if (Files.exists(p)) {
        return p;
      }
    }
    throw new AssertionError("examples/quickstart/" + name + " not found");
  }

  /** Writes {@code text} to {@code dir/name} and returns the path. */
  public static Path write(Path dir, String name, String text) {
    try {
      Path p = dir.resolve(name);
      Files.writeString(p, text);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies the tree {@code from} into {@code to} (folders created, files copied). */
  public static void copyTree(Path from, Path to) {
    try (java.util.stream.Stream<Path> s = Files.walk(from)) {
      for (Path p : s.sorted().toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
