package io.omnigraph.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;

/**
 * The deprecated verb spellings of 08 §3, kept forever: {@code read}→{@code query}, {@code
 * change}→{@code mutate}, {@code query lint}/{@code query check}/{@code check}→{@code lint}, {@code
 * ingest}→{@code load} (with the old defaults {@code --from main --mode merge} unless given). The
 * command line is rewritten before picocli parses it and one warning line goes to stderr; none of
 * these spellings appears in {@code --help}.
 */
public final class DeprecatedSpellings {
  private DeprecatedSpellings() {}

  /** The {@code omnigraph} command line: rewrites deprecated spellings, then executes. */
  public static final class Line extends CommandLine {
    public Line(Object command) {
      super(command);
    }

    @Override
    public int execute(String... args) {
      return super.execute(rewrite(args, getErr()));
    }
  }

  /** {@code args} with a deprecated verb replaced by its successor (a warning on {@code err}). */
  public static String[] rewrite(String[] args, PrintWriter err) {
    int i = verbIndex(args);
    if (i < 0) {
      return args;
    }
    String verb = args[i];
    List<String> rest = new ArrayList<>(Arrays.asList(args).subList(i + 1, args.length));
    String[] out;
    switch (verb) {
      case "read" -> out = replace(args, i, "query", rest, err, "read");
      case "change" -> out = replace(args, i, "mutate", rest, err, "change");
      case "check" -> out = replace(args, i, "lint", rest, err, "check");
      case "query" -> {
        if (rest.isEmpty() || !(rest.get(0).equals("lint") || rest.get(0).equals("check"))) {
          return args;
        }
        out = replace(args, i, "lint", rest.subList(1, rest.size()), err, "query " + rest.get(0));
      }
      case "ingest" -> out = ingest(args, i, rest, err);
      default -> {
        return args;
      }
    }
    return out;
  }

  private static String[] ingest(String[] args, int i, List<String> rest, PrintWriter err) {
    List<String> r = new ArrayList<>(rest);
    if (!has(r, "--mode")) {
      r.add("--mode");
      r.add("merge");
    }
    if (!has(r, "--from")) {
      r.add("--from");
      r.add("main");
    }
    err.println(
        "warning: `omnigraph ingest` is a deprecated loader command; use `omnigraph load --mode"
            + " merge` (ingest defaults to --from main --mode merge)");
    err.flush();
    return join(args, i, "load", r);
  }

  private static String[] replace(
      String[] args, int i, String verb, List<String> rest, PrintWriter err, String old) {
    err.println("warning: `omnigraph " + old + "` is deprecated; use `omnigraph " + verb + "`");
    err.flush();
    return join(args, i, verb, rest);
  }

  private static String[] join(String[] args, int i, String verb, List<String> rest) {
    List<String> out = new ArrayList<>(Arrays.asList(args).subList(0, i));
    out.add(verb);
    out.addAll(rest);
    return out.toArray(String[]::new);
  }

  /** Whether {@code option} is given, as {@code --opt v} or {@code --opt=v}. */
  private static boolean has(List<String> args, String option) {
    return args.stream().anyMatch(a -> a.equals(option) || a.startsWith(option + "="));
  }

  /** The first non-option argument (the top-level verb), or -1. */
  private static int verbIndex(String[] args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--")) {
        return -1;
      }
      if (!args[i].startsWith("-")) {
        return i;
      }
    }
    return -1;
  }
}
