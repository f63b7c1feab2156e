package io.omnigraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnigraph.compiler.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code omnigraph policy validate|test|explain} on declared and applied bundles. */
class PolicyCliTest {
  static final Path COOKBOOK = Fixtures.cookbooks().resolve("industry-intel");

  @TempDir Path dir;

  @Test
  void validateSelectsByGraphOrScope() {
    String c = COOKBOOK.toString();
    CliRunner.Run g = CliRunner.run("policy", "validate", "--cluster", c, "--graph", "spike");
    assertThat(g.exitCode()).as(g.err()).isZero();
    assertThat(g.out()).startsWith("policy valid: bundle 'intel' [2 actors]");
    CliRunner.Run s = CliRunner.run("policy", "validate", "--cluster", c, "--scope", "cluster");
    assertThat(s.out()).startsWith("policy valid: bundle 'server' [1 actors]");
    CliRunner.Run none = CliRunner.run("policy", "validate", "--cluster", c);
    assertThat(none.exitCode()).isEqualTo(1);
    assertThat(none.err()).contains("intel, server").contains("--graph <id>");
    CliRunner.Run unknown = CliRunner.run("policy", "validate", "--cluster", c, "--graph", "nope");
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.err()).contains("no declared policy bundle is bound to graph 'nope'");
  }

  @Test
  void explainPrintsDecisionRuleAndCedar() {
    String c = COOKBOOK.toString();
    CliRunner.Run a =
        CliRunner.run(
            "policy",
            "explain",
            "--cluster",
            c,
            "--graph",
            "spike",
            "--actor",
            "act-reader",
            "--action",
            "read",
            "--branch",
            "main");
    assertThat(a.exitCode()).isZero();
    assertThat(a.out())
        .contains(
            "decision: allow\nactor: act-reader\naction: read\nbranch: main\nmatched_rule: read-data\n")
        .contains("permit(principal in Omnigraph::Group::\"readers\"")
        .contains("Omnigraph::Graph::\"spike\"");
    CliRunner.Run d =
        CliRunner.run(
            "policy",
            "explain",
            "--cluster",
            c,
            "--graph",
            "spike",
            "--actor",
            "act-reader",
            "--action",
            "change",
            "--branch",
            "main");
    assertThat(d.exitCode()).isZero();
    assertThat(d.out())
        .contains("decision: deny")
        .contains("message: policy denied action 'change' on branch 'main' for actor 'act-reader'")
        .doesNotContain("matched_rule");
    CliRunner.Run bad =
        CliRunner.run(
            "policy",
            "explain",
            "--cluster",
            c,
            "--graph",
            "spike",
            "--actor",
            "x",
            "--action",
            "fly");
    assertThat(bad.exitCode()).isEqualTo(2);
  }

  @Test
  void testRunsCasesAndReportsMismatches() throws Exception {
    Path ok =
        CliRunner.write(
            dir,
            "ok.tests.yaml",
            "version: 1\ncases:\n  - id: reader-reads\n    actor: act-reader\n    action: read\n"
                + "    branch: main\n    expect: allow\n  - id: admin-no\n    actor: act-admin\n"
                + "    action: invoke_query\n    expect: deny\n");
    CliRunner.Run r =
        CliRunner.run(
            "policy",
            "test",
            "--cluster",
            COOKBOOK.toString(),
            "--graph",
            "spike",
            "--tests",
            ok.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("policy tests passed: 2 cases");
    Path bad =
        CliRunner.write(
            dir,
            "bad.tests.yaml",
            "version: 1\ncases:\n  - id: reader-changes\n    actor: act-reader\n    action: change\n"
                + "    branch: main\n    expect: allow\n");
    CliRunner.Run f =
        CliRunner.run(
            "policy",
            "test",
            "--cluster",
            COOKBOOK.toString(),
            "--graph",
            "spike",
            "--tests",
            bad.toString());
    assertThat(f.exitCode()).isEqualTo(1);
    assertThat(f.err()).contains("reader-changes: expected Allow but got deny");
  }

  @Test
  void appliedBundlesComeFromTheVerifiedCatalog() throws Exception {
    Path c = dir.resolve("cluster");
    CliRunner.copyTree(COOKBOOK, c);
    assertThat(CliRunner.run("cluster", "import", "--config", c.toString()).exitCode()).isZero();
    CliRunner.Run apply =
        CliRunner.run("cluster", "apply", "--config", c.toString(), "--as", "act-ops");
    assertThat(apply.exitCode()).as(apply.err() + apply.out()).isZero();
    CliRunner.Run r =
        CliRunner.run("policy", "validate", "--cluster", c.toString(), "--graph", "spike");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("policy valid: bundle 'intel' [2 actors]\n");
    Path blob;
    try (var files = Files.walk(c.resolve("__cluster/resources/policy/intel"))) {
      blob = files.filter(Files::isRegularFile).findFirst().orElseThrow();
    }
    Files.write(blob, "version: 1\n".getBytes(StandardCharsets.UTF_8));
    CliRunner.Run t =
        CliRunner.run("policy", "validate", "--cluster", c.toString(), "--graph", "spike");
    assertThat(t.exitCode()).isEqualTo(1);
    assertThat(t.err()).contains("catalog_payload_digest_mismatch");
  }
}
