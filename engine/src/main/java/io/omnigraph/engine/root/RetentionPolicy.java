package io.omnigraph.engine.root;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The policy of {@code cleanup} (04 §8): keep the newest {@code keep} manifest versions and/or
 * everything newer than {@code olderThan}; with both, a version goes only if it is outside the
 * newest {@code keep} <em>and</em> older than the cutoff. The newest version is always kept.
 */
public record RetentionPolicy(Integer keep, Duration olderThan) {
  private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})([smhdw])");

  public RetentionPolicy {
    if (keep == null && olderThan == null) {
      throw new IllegalArgumentException(
          "cleanup needs a policy: pass --keep <n> and/or --older-than <duration> (e.g. --keep 10)");
    }
    if (keep != null && keep < 0) {
      throw new IllegalArgumentException("--keep must be 0 or more (got " + keep + ")");
    }
  }

  /** Parses {@code 7d}, {@code 12h}, {@code 30m}, {@code 90s}, {@code 2w}. */
  public static Duration parseDuration(String text) {
    Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "invalid duration '"
              + text
              + "': use a whole number with one unit of s, m, h, d, w (e.g. 7d, 12h)");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      case "d" -> Duration.ofDays(n);
      default -> Duration.ofDays(7 * n);
    };
  }

  /** {@code keep 10, older than 7d} — for the preview and the report. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    if (keep != null) {
      sb.append("keep ").append(keep).append(" newest versions");
    }
    if (olderThan != null) {
      sb.append(sb.isEmpty() ? "" : ", ")
          .append("remove only versions older than ")
          .append(olderThan.toSeconds())
          .append("s");
    }
    return sb.toString();
  }
}
