package io.omnigraph.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The policy.tests.yaml format (07 §5) and its runner. */
class PolicyTestsTest {

  static PolicyEngine intel() {
    return PolicyEngine.forGraph(
        PolicyBundles.parse(Fixtures.intel(), "intel", BindingKind.GRAPH).orElseThrow(), "spike");
  }

  @Test
  void passingFile() {
    String yaml =
        """
        version: 1
        cases:
          - id: reader-invokes
            actor: act-reader
            action: invoke_query
            expect: allow
          - id: reader-reads-main
            actor: act-reader
            action: read
            branch: main
            target_branch: null
            expect: allow
          - id: reader-cannot-change
            actor: act-reader
            action: change
            branch: main
            expect: deny
          - id: analyst-changes-feature
            actor: act-analyst
            action: change
            branch: feature
            expect: allow
          - id: nobody-merges
            actor: act-analyst
            action: branch_merge
            branch: feature
            target_branch: main
            expect: deny
          - id: stranger
            actor: act-stranger
            action: read
            expect: deny
        """;
    PolicyTestFile file = PolicyTests.parse(yaml, "policy.tests.yaml").orElseThrow();
    assertThat(file.cases()).hasSize(6);
    assertThat(file.cases().get(4).request())
        .isEqualTo(new PolicyRequest("act-analyst", PolicyAction.BRANCH_MERGE, "feature", "main"));

    PolicyTestReport report = PolicyTests.run(file, intel());

    assertThat(report.ok()).isTrue();
    assertThat(report.total()).isEqualTo(6);
    assertThat(report.passed()).isEqualTo(6);
    assertThat(report.summary()).isEqualTo("policy tests passed: 6 cases");
  }

  @Test
  void failingFileListsEachMismatch() {
    String yaml =
        """
        version: 1
        cases:
          - { id: wrong-allow, actor: act-reader, action: change, branch: main, expect: allow }
          - { id: right, actor: act-reader, action: read, expect: allow }
          - { id: wrong-deny, actor: act-analyst, action: export, expect: deny }
        """;
    PolicyTestReport report =
        PolicyTests.run(PolicyTests.parse(yaml, "t.yaml").orElseThrow(), intel());

    assertThat(report.ok()).isFalse();
    assertThat(report.passed()).isEqualTo(1);
    assertThat(report.failures())
        .containsExactly(
            "wrong-allow: expected Allow but got deny", "wrong-deny: expected Deny but got allow");
    assertThat(report.summary())
        .isEqualTo(
            "policy tests failed: 2 of 3 cases\n"
                + "wrong-allow: expected Allow but got deny\n"
                + "wrong-deny: expected Deny but got allow");
  }

  @Test
  void emptyCaseListPassesVacuously() {
    PolicyTestFile file = PolicyTests.parse("version: 1\ncases: []\n", "t").orElseThrow();
    assertThat(PolicyTests.run(file, intel()).summary()).isEqualTo("policy tests passed: 0 cases");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          version: 2\\ncases: []                                                     | bad_test_version | 1 | policy test file version must be 1
          cases: []                                                                 | missing_field | 1 | missing required field 'version'
          version: 1                                                                | missing_field | 1 | missing required field 'cases'
          version: 1\\ncases: []\\nextra: 1                                         | unknown_field | 3 | unknown field 'extra'; expected one of: version, cases
          version: 1\\ncases:\\n  - {id: a, actor: x, action: read, expect: allow, note: hi}  | unknown_field | 3 | unknown field 'cases[0].note'; expected one of: id, actor, action, branch, target_branch, expect
          version: 1\\ncases:\\n  - {id: a, actor: x, action: reed, expect: allow}  | unknown_action | 3 | unknown action 'reed' at 'cases[0].action'; expected one of: read, export, change, schema_apply, branch_create, branch_delete, branch_merge, admin, invoke_query, graph_list
          version: 1\\ncases:\\n  - {id: a, actor: x, action: read, expect: Allow}  | unknown_expect | 3 | unknown expect 'Allow' at 'cases[0].expect'; expected one of: allow, deny
          version: 1\\ncases:\\n  - {id: a, actor: x, action: read}                | missing_field | 3 | missing required field 'cases[0].expect'
          version: 1\\ncases:\\n  - {id: '', actor: x, action: read, expect: deny}  | blank_case_id | 3 | policy test case ids must not be blank
          version: 1\\ncases:\\n  - {id: a, actor: x, action: read, expect: deny}\\n  - {id: a, actor: y, action: read, expect: deny}  | duplicate_case_id | 4 | duplicate policy test case id 'a'
          version: 1\\ncases:\\n  - {id: a, actor: ' ', action: read, expect: deny}  | blank_case_actor | 3 | policy test case 'a' must name a non-blank actor
          version: 1\\ncases:\\n  - {id: a, actor: x, action: read, branch: '', expect: deny}  | blank_case_branch | 3 | policy test case 'a' has a blank branch
          version: 1\\ncases:\\n  - {id: a, actor: x, action: read, target_branch: '', expect: deny}  | blank_case_branch | 3 | policy test case 'a' has a blank target_branch
          version: 1\\ncases:\\n  - {id: a, id: b}                                  | duplicate_key | 3 | duplicate key 'cases[0].id'
          version: 1\\ncases: [                                                      | yaml_syntax | 2 | malformed YAML: while parsing a flow node: expected the node content, but found '<stream end>'
          """)
  void invalidTestFiles(String escaped, String code, int line, String message) {
    PolicyResult<PolicyTestFile> r = PolicyTests.parse(escaped.replace("\\n", "\n"), "t.yaml");
    assertThat(r.ok()).isFalse();
    assertThat(r.errors()).as(r.renderErrors()).hasSize(1);
    PolicyError e = r.errors().get(0);
    assertThat(e.code().wire()).isEqualTo(code);
    assertThat(e.message()).isEqualTo(message);
    assertThat(e.line()).as(e.render()).isEqualTo(line);
  }
}
