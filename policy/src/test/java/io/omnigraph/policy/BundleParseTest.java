package io.omnigraph.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Strict shape checks: unknown fields, duplicate keys, malformed YAML, types, closed enums. */
class BundleParseTest {

  static PolicyError only(String yaml) {
    PolicyResult<PolicyBundle> r = PolicyBundles.parse(yaml, "p.yaml");
    assertThat(r.ok()).isFalse();
    assertThat(r.errors()).as(r.renderErrors()).hasSize(1);
    PolicyError e = r.errors().get(0);
    assertThat(e.code().isParseError()).isTrue();
    return e;
  }

  static void assertError(PolicyError e, PolicyErrorCode code, String message, int line, int col) {
    assertThat(e.code()).as(e.render()).isEqualTo(code);
    assertThat(e.message()).isEqualTo(message);
    assertThat(e.line()).as(e.render()).isEqualTo(line);
    assertThat(e.column()).as(e.render()).isEqualTo(col);
  }

  @Test
  void unknownTopLevelField() {
    assertError(
        only("version: 1\nkinds: graph\n"),
        PolicyErrorCode.UNKNOWN_FIELD,
        "unknown field 'kinds'; expected one of: version, kind, groups, protected_branches, rules",
        2,
        1);
  }

  @Test
  void unknownRuleField() {
    assertError(
        only(
            "version: 1\nrules:\n  - id: r\n    deny: {}\n    allow: { actors: { group: g },"
                + " actions: [read] }\n"),
        PolicyErrorCode.UNKNOWN_FIELD,
        "unknown field 'rules[0].deny'; expected one of: id, allow",
        4,
        5);
  }

  @Test
  void unknownAllowField() {
    assertError(
        only(
            "version: 1\nrules:\n  - id: r\n    allow:\n      actors: { group: g }\n"
                + "      actions: [read]\n      branch: main\n"),
        PolicyErrorCode.UNKNOWN_FIELD,
        "unknown field 'rules[0].allow.branch'; expected one of: actors, actions, branch_scope,"
            + " target_branch_scope",
        7,
        7);
  }

  @Test
  void unknownActorsFieldSoExactlyOneGroupReference() {
    assertError(
        only(
            "version: 1\nrules:\n  - id: r\n    allow:\n      actors: { group: g, actor: x }\n"
                + "      actions: [read]\n"),
        PolicyErrorCode.UNKNOWN_FIELD,
        "unknown field 'rules[0].allow.actors.actor'; expected one of: group",
        5,
        27);
  }

  @Test
  void everyUnknownFieldIsReported() {
    PolicyResult<PolicyBundle> r =
        PolicyBundles.parse(
            "version: 1\na: 1\nb: 2\nrules: [{id: r, x: 1, allow: {actors: {group: g}, actions: [read], y: 2}}]\n",
            "p.yaml");
    assertThat(r.errors())
        .extracting(PolicyError::message)
        .allMatch(m -> m.startsWith("unknown field '"))
        .extracting(m -> m.substring(0, m.indexOf(';')))
        .containsExactly(
            "unknown field 'a'",
            "unknown field 'b'",
            "unknown field 'rules[0].x'",
            "unknown field 'rules[0].allow.y'");
  }

  @Test
  void duplicateTopLevelKeyNamesTheLine() {
    PolicyError e = only("version: 1\nrules: []\nversion: 1\n");
    assertError(e, PolicyErrorCode.DUPLICATE_KEY, "duplicate key 'version'", 3, 1);
    assertThat(e.render()).isEqualTo("p.yaml:3:1: duplicate key 'version'");
  }

  @Test
  void duplicateGroupKey() {
    assertError(
        only("version: 1\ngroups:\n  admins: [a]\n  members: [b]\n  admins: [c]\n"),
        PolicyErrorCode.DUPLICATE_KEY,
        "duplicate key 'groups.admins'",
        5,
        3);
  }

  @Test
  void duplicateKeyInsideARule() {
    assertError(
        only(
            "version: 1\nrules:\n  - id: r\n    allow:\n      actions: [read]\n"
                + "      actors: { group: g }\n      actions: [export]\n"),
        PolicyErrorCode.DUPLICATE_KEY,
        "duplicate key 'rules[0].allow.actions'",
        7,
        7);
  }

  @Test
  void duplicateKeyInAFlowMapping() {
    assertError(
        only("version: 1\nrules:\n  - { id: a, id: b, allow: {} }\n"),
        PolicyErrorCode.DUPLICATE_KEY,
        "duplicate key 'rules[0].id'",
        3,
        14);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          version: 1\\nrules: [a, b                         | 2 | malformed YAML: while parsing a flow sequence: expected ',' or ']', but got <stream end>
          version: 1\\nrules: x: y                          | 2 | malformed YAML: mapping values are not allowed here
          version: 1\\n\\tgroups: {}                        | 2 | malformed YAML: while scanning for the next token: found character '\\t(TAB)' that cannot start any token. (Do not use \\t(TAB) for indentation)
          version: 1\\ngroups: {a: [x]                       | 2 | malformed YAML: while parsing a flow mapping: expected ',' or '}', but got <stream end>
          "version: 1                                       | 1 | malformed YAML: while scanning a quoted scalar: found unexpected end of stream
          """)
  void malformedYamlIsAnErrorValue(String escaped, int line, String message) {
    String yaml = escaped.replace("\\n", "\n").replace("\\t", "\t");
    PolicyError e = only(yaml);
    assertThat(e.code()).isEqualTo(PolicyErrorCode.YAML_SYNTAX);
    assertThat(e.message()).isEqualTo(message);
    assertThat(e.line()).as(e.render()).isEqualTo(line);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "\n\n", "# just a comment\n", "---\n"})
  void emptyDocuments(String yaml) {
    PolicyError e = only(yaml);
    assertThat(e.code()).isIn(PolicyErrorCode.YAML_SYNTAX, PolicyErrorCode.WRONG_TYPE);
    assertThat(e.message()).isIn("the file is empty", "the document must be a mapping, not null");
  }

  @Test
  void charactersYamlForbidsArePlaced() {
    assertError(
        only("version: 1\ngroups: {g: [\uD83D\uDE00x\uFFFF]}\n"),
        PolicyErrorCode.YAML_SYNTAX,
        "malformed YAML: character U+FFFF is not allowed in YAML text",
        2,
        16);
  }

  @Test
  void severalDocumentsAreRejected() {
    assertError(
        only("version: 1\n---\nversion: 1\n"),
        PolicyErrorCode.YAML_SYNTAX,
        "the file must contain exactly one YAML document",
        3,
        1);
  }

  @Test
  void aliasesAreRejected() {
    assertError(
        only("version: 1\ngroups:\n  a: &people [x, y]\n  b: *people\n"),
        PolicyErrorCode.YAML_SYNTAX,
        "YAML aliases are not supported ('*people' at 'groups.b')",
        4,
        6);
  }

  @Test
  void excessiveNestingIsRejected() {
    String yaml = "version: 1\nrules: " + "[".repeat(5000) + "]".repeat(5000) + "\n";
    PolicyError e = only(yaml);
    assertThat(e.code()).isEqualTo(PolicyErrorCode.YAML_SYNTAX);
    assertThat(e.message()).contains("nesting");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          [version, 1]                                          | the document must be a mapping, not a list
          just text                                             | the document must be a mapping, not a scalar
          version: 1\\ngroups: [a]                              | 'groups' must be a mapping, not a list
          version: 1\\ngroups: {g: x}                           | 'groups.g' must be a list, not a scalar
          version: 1\\ngroups: {g: [[x]]}                       | 'groups.g[0]' must be a string, not a list
          version: 1\\nprotected_branches: main                 | 'protected_branches' must be a list, not a scalar
          version: 1\\nrules: {id: r}                           | 'rules' must be a list, not a mapping
          version: 1\\nrules: [r]                               | 'rules[0]' must be a mapping, not a scalar
          version: 1\\nrules: [{id: [r], allow: {actors: {group: g}, actions: [read]}}]  | 'rules[0].id' must be a string, not a list
          version: 1\\nrules: [{id: r, allow: [read]}]          | 'rules[0].allow' must be a mapping, not a list
          version: 1\\nrules: [{id: r, allow: {actors: g, actions: [read]}}]  | 'rules[0].allow.actors' must be a mapping, not a scalar
          version: 1\\nrules: [{id: r, allow: {actors: {group: [a, b]}, actions: [read]}}]  | 'rules[0].allow.actors.group' must be a string, not a list
          version: 1\\nrules: [{id: r, allow: {actors: {group: g}, actions: read}}]  | 'rules[0].allow.actions' must be a list, not a scalar
          version: 1\\nrules: [{id: r, allow: {actors: {group: g}, actions: ~}}]  | 'rules[0].allow.actions' must be a list, not null
          """)
  void wrongTypes(String escaped, String message) {
    PolicyError e = only(escaped.replace("\\n", "\n"));
    assertThat(e.code()).isEqualTo(PolicyErrorCode.WRONG_TYPE);
    assertThat(e.message()).isEqualTo(message);
    assertThat(e.line()).isPositive();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          groups: {}                                        | missing required field 'version'
          version: 1\\nrules: [{allow: {actors: {group: g}, actions: [read]}}]  | missing required field 'rules[0].id'
          version: 1\\nrules: [{id: r}]                     | missing required field 'rules[0].allow'
          version: 1\\nrules: [{id: r, allow: {actions: [read]}}]  | missing required field 'rules[0].allow.actors'
          version: 1\\nrules: [{id: r, allow: {actors: {}, actions: [read]}}]  | missing required field 'rules[0].allow.actors.group'
          version: 1\\nrules: [{id: r, allow: {actors: {group: g}}}]  | missing required field 'rules[0].allow.actions'
          """)
  void missingRequiredFields(String escaped, String message) {
    PolicyError e = only(escaped.replace("\\n", "\n"));
    assertThat(e.code()).isEqualTo(PolicyErrorCode.MISSING_FIELD);
    assertThat(e.message()).isEqualTo(message);
  }

  @Test
  void unknownActionIsAParseError() {
    assertError(
        only(
            "version: 1\ngroups: {g: [a]}\nrules:\n  - id: r\n    allow:\n"
                + "      actors: { group: g }\n      actions: [read, Write]\n"),
        PolicyErrorCode.UNKNOWN_ACTION,
        "unknown action 'Write' at 'rules[0].allow.actions[1]'; expected one of: read, export,"
            + " change, schema_apply, branch_create, branch_delete, branch_merge, admin,"
            + " invoke_query, graph_list",
        7,
        23);
  }

  @Test
  void unknownScopeValueIsAParseError() {
    assertError(
        only(
            "version: 1\ngroups: {g: [a]}\nrules:\n  - id: r\n    allow:\n"
                + "      actors: { group: g }\n      actions: [read]\n      branch_scope: main\n"),
        PolicyErrorCode.UNKNOWN_SCOPE,
        "unknown branch_scope 'main' at 'rules[0].allow.branch_scope'; expected one of: any,"
            + " protected, unprotected",
        8,
        21);
  }

  @Test
  void unknownKindIsAParseError() {
    assertError(
        only("version: 1\nkind: cluster\n"),
        PolicyErrorCode.UNKNOWN_KIND,
        "unknown policy kind 'cluster' at 'kind'; expected one of: graph, server",
        2,
        7);
  }

  @Test
  void scalarsKeepTheirWrittenText() {
    PolicyBundle b =
        PolicyBundles.parse(
                "version: 1\ngroups:\n  '1': [yes, 007, 1.5, \"quoted\"]\nprotected_branches: [on]\n",
                "p.yaml")
            .orElseThrow();
    assertThat(b.groups().get("1")).containsExactly("yes", "007", "1.5", "quoted");
    assertThat(b.protectedBranches()).containsExactly("on");
  }

  @Test
  void nullOptionalFieldsCountAsAbsent() {
    PolicyBundle b =
        PolicyBundles.parse(
                "version: 1\nkind: ~\ngroups: {g: [a]}\nprotected_branches:\nrules:\n"
                    + "  - id: r\n    allow: { actors: { group: g }, actions: [read],"
                    + " branch_scope: null, target_branch_scope: ~ }\n",
                "p.yaml")
            .orElseThrow();
    assertThat(b.declaredKind()).isEmpty();
    assertThat(b.protectedBranches()).isEmpty();
    assertThat(b.rules().get(0).scope()).isEmpty();
  }

  @Test
  void parseErrorsStopBeforeSemanticChecks() {
    PolicyResult<PolicyBundle> r =
        PolicyBundles.parse(
            "version: 2\nrules: [{id: '', allow: {actors: {group: x}, actions: [nope]}}]\n",
            "p.yaml");
    assertThat(r.errors())
        .extracting(PolicyError::code)
        .containsExactly(PolicyErrorCode.UNKNOWN_ACTION);
  }
}
