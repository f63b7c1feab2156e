package io.omnigraph.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Policy test files ({@code policy.tests.yaml}, 07 §5): strict parsing and running. */
public final class PolicyTests {
  private PolicyTests() {}

  /** Parses a test file; never throws on bad input. */
  public static PolicyResult<PolicyTestFile> parse(String yamlText, String sourceName) {
    Objects.requireNonNull(yamlText, "yamlText");
    PolicyResult<YamlNode> tree = YamlTrees.read(yamlText, sourceName);
    if (!tree.ok()) {
      return PolicyResult.failed(tree.errors());
    }
    return new TestFileReader(new StrictReader(sourceName)).read(tree.value());
  }

  /** Runs every case against {@code engine}. */
  public static PolicyTestReport run(PolicyTestFile file, PolicyEngine engine) {
    List<String> failures = new ArrayList<>();
    for (PolicyTestCase c : file.cases()) {
      PolicyDecision d = engine.decide(c.request());
      if (d.allowed() != c.expect().allows()) {
        failures.add("%s: expected %s but got %s".formatted(c.id(), c.expect().title(), d.wire()));
      }
    }
    return new PolicyTestReport(file.cases().size(), failures);
  }
}
