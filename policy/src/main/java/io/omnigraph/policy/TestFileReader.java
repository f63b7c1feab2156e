package io.omnigraph.policy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads and checks a {@code policy.tests.yaml} tree (07 §5). */
final class TestFileReader {
  static final List<String> TOP_KEYS = List.of("version", "cases");
  static final List<String> CASE_KEYS =
      List.of("id", "actor", "action", "branch", "target_branch", "expect");

  private final StrictReader in;

  TestFileReader(StrictReader in) {
    this.in = in;
  }

  PolicyResult<PolicyTestFile> read(YamlNode root) {
    Optional<YamlNode.Mapping> top = in.mapping(root, "", TOP_KEYS);
    Optional<YamlNode> version = top.flatMap(m -> in.required(m, "", "version"));
    List<PolicyTestCase> cases =
        top.flatMap(m -> in.required(m, "", "cases")).map(this::cases).orElse(List.of());
    if (!in.errors().isEmpty()) {
      return PolicyResult.failed(in.errors());
    }
    if (!isOne(version.orElseThrow())) {
      in.error(
          PolicyErrorCode.BAD_TEST_VERSION, "policy test file version must be 1", pos(version));
    }
    checkCases(cases);
    return in.errors().isEmpty()
        ? PolicyResult.ok(new PolicyTestFile(1, cases))
        : PolicyResult.failed(in.errors());
  }

  private static Pos pos(Optional<YamlNode> node) {
    return node.map(YamlNode::pos).orElse(Pos.NONE);
  }

  private static boolean isOne(YamlNode node) {
    return node instanceof YamlNode.Scalar s && BigInteger.ONE.equals(s.intValue());
  }

  private List<PolicyTestCase> cases(YamlNode node) {
    if (StrictReader.isNull(node)) {
      return List.of();
    }
    List<YamlNode> items = in.sequence(node, "cases").orElse(List.of());
    List<PolicyTestCase> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      testCase(items.get(i), "cases[" + i + "]").ifPresent(out::add);
    }
    return out;
  }

  private Optional<PolicyTestCase> testCase(YamlNode node, String path) {
    Optional<YamlNode.Mapping> m = in.mapping(node, path, CASE_KEYS);
    if (m.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> id = requiredText(m.get(), path, "id");
    Optional<String> actor = requiredText(m.get(), path, "actor");
    Optional<PolicyAction> action =
        in.required(m.get(), path, "action")
            .flatMap(a -> BundleReader.action(a, path + ".action", in));
    String branch = optionalText(m.get(), path, "branch");
    String target = optionalText(m.get(), path, "target_branch");
    Optional<Expectation> expect =
        in.required(m.get(), path, "expect").flatMap(e -> expectation(e, path + ".expect"));
    if (id.isEmpty() || actor.isEmpty() || action.isEmpty() || expect.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new PolicyTestCase(id.get(), actor.get(), action.get(), branch, target, expect.get()));
  }

  private Optional<Expectation> expectation(YamlNode node, String path) {
    return in.choice(
        node, path, PolicyErrorCode.UNKNOWN_EXPECT, "expect", Expectation::fromWire, "allow, deny");
  }

  private Optional<String> requiredText(YamlNode.Mapping m, String path, String key) {
    return in.required(m, path, key).flatMap(v -> in.text(v, path + "." + key));
  }

  private String optionalText(YamlNode.Mapping m, String path, String key) {
    return in.optional(m, key).flatMap(v -> in.text(v, path + "." + key)).orElse(null);
  }

  private void checkCases(List<PolicyTestCase> cases) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < cases.size(); i++) {
      PolicyTestCase c = cases.get(i);
      String path = "cases[" + i + "]";
      Pos at = in.locations().of(path + ".id");
      if (c.id().isBlank()) {
        in.error(PolicyErrorCode.BLANK_CASE_ID, "policy test case ids must not be blank", at);
      } else if (!seen.add(c.id())) {
        String msg = "duplicate policy test case id '%s'".formatted(c.id());
        in.error(PolicyErrorCode.DUPLICATE_CASE_ID, msg, at);
      }
      checkText(c, c.actor(), "actor", path);
      checkText(c, c.branch(), "branch", path);
      checkText(c, c.targetBranch(), "target_branch", path);
    }
  }

  private void checkText(PolicyTestCase c, String value, String key, String path) {
    if (value == null || !value.isBlank()) {
      return;
    }
    Pos at = in.locations().of(path + "." + key);
    if (key.equals("actor")) {
      String msg = "policy test case '%s' must name a non-blank actor".formatted(c.id());
      in.error(PolicyErrorCode.BLANK_CASE_ACTOR, msg, at);
    } else {
      String msg = "policy test case '%s' has a blank %s".formatted(c.id(), key);
      in.error(PolicyErrorCode.BLANK_CASE_BRANCH, msg, at);
    }
  }
}
