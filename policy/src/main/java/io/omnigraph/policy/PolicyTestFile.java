package io.omnigraph.policy;

import java.util.List;

/**
 * A parsed {@code policy.tests.yaml} (07 §5).
 *
 * @param version always 1 once validated
 * @param cases the cases in file order
 */
public record PolicyTestFile(int version, List<PolicyTestCase> cases) {
  public PolicyTestFile {
    cases = List.copyOf(cases);
  }
}
