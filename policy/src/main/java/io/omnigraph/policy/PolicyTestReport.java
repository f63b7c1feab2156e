package io.omnigraph.policy;

import java.util.List;

/**
 * The outcome of running a test file against an engine.
 *
 * @param total the number of cases run
 * @param failures one line per failing case, {@code <case id>: expected <Allow|Deny> but got
 *     <allow|deny>}, in file order
 */
public record PolicyTestReport(int total, List<String> failures) {
  public PolicyTestReport {
    failures = List.copyOf(failures);
  }

  public int passed() {
    return total - failures.size();
  }

  /** True when every case got its expected decision. */
  public boolean ok() {
    return failures.isEmpty();
  }

  /**
   * {@code policy tests passed: <n> cases} when all passed; otherwise {@code policy tests failed:
   * <k> of <n> cases} followed by the failure lines, one per line.
   */
  public String summary() {
    if (ok()) {
      return "policy tests passed: " + total + " cases";
    }
    String head = "policy tests failed: " + failures.size() + " of " + total + " cases";
    return head + "\n" + String.join("\n", failures);
  }
}
