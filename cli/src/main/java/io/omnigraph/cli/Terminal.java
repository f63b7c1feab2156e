package io.omnigraph.cli;

/**
 * ANSI colour for human output, only when stdout is a terminal (as reported by the launcher in
 * {@code -Domnigraph.stdout.tty}) and {@code NO_COLOR} is unset. Plan lines are coloured by their
 * leading sign: {@code +} green, {@code -} red, {@code ~} yellow, {@code !} red.
 */
public final class Terminal {
  private final boolean colour;

  private Terminal(boolean colour) {
    this.colour = colour;
  }

  public static Terminal forStdout() {
    // The launcher knows whether stdout is a terminal ([ -t 1 ]) and passes it on.
    boolean tty = Boolean.getBoolean("omnigraph.stdout.tty");
    boolean disabled = CliEnv.get().get("NO_COLOR") != null;
    return new Terminal(tty && !disabled);
  }

  public static Terminal plain() {
    return new Terminal(false);
  }

  public String colourStep(String line) {
    if (!colour || line.isEmpty()) {
      return line;
    }
    return switch (line.charAt(0)) {
      case '+' -> wrap("32", line);
      case '-', '!' -> wrap("31", line);
      case '~' -> wrap("33", line);
      default -> line;
    };
  }

  public String red(String s) {
    return colour ? wrap("31", s) : s;
  }

  public String bold(String s) {
    return colour ? wrap("1", s) : s;
  }

  private static String wrap(String code, String s) {
    return "\u001b[" + code + "m" + s + "\u001b[0m";
  }
}
