package io.omnigraph.compiler.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnigraph.compiler.schema.Catalog;
import io.omnigraph.compiler.schema.EdgeType;
import io.omnigraph.compiler.testing.Fixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The planner on the real cookbook schemas. */
class MigrationPlannerFixturesTest {

  static Stream<Path> schemas() {
    return Fixtures.files("schema.pg").stream();
  }

  @ParameterizedTest
  @MethodSource("schemas")
  void fixtureAgainstItselfIsEmpty(Path file) {
    String text = Fixtures.read(file);
    SchemaMigrationPlan plan = PlanTesting.plan(text, text);
    assertThat(plan.supported()).isTrue();
    assertThat(plan.steps()).isEmpty();
  }

  /** Every (fixture, node type): removing the node also removes its edges; all soft drops. */
  static Stream<Arguments> nodeRemovals() {
    return schemas()
        .flatMap(
            f ->
                PlanTesting.catalog(Fixtures.read(f)).nodes().keySet().stream()
                    .map(n -> Arguments.of(f, n)));
  }

  @ParameterizedTest(name = "{0} without {1}")
  @MethodSource("nodeRemovals")
  void removingANodeTypeDropsItAndItsEdges(Path file, String node) {
    String text = Fixtures.read(file);
    Catalog catalog = PlanTesting.catalog(text);
    List<String> expected = new ArrayList<>();
    String desired = without(text, "node", node);
    for (EdgeType e : catalog.edgesTouching(node).stream().sorted(byName()).toList()) {
      desired = without(desired, "edge", e.name());
      expected.add("- drop_type edge:" + e.name() + " [soft]");
    }
    expected.add("- drop_type node:" + node + " [soft]");
    SchemaMigrationPlan plan = PlanTesting.plan(text, desired);
    assertThat(plan.render()).containsExactlyElementsOf(expected);
    assertThat(plan.supported()).isTrue();
  }

  @Test
  void industryIntelWithoutExpert() {
    String text = industryIntel();
    String desired =
        without(
            without(without(text, "node", "Expert"), "edge", "ContributedByExpert"),
            "edge",
            "AffiliatedWithCompany");
    SchemaMigrationPlan plan = PlanTesting.plan(text, desired);
    assertThat(PlanTesting.compact(plan.toJson()))
        .isEqualTo(
            PlanTesting.json(
                "{'supported':true,'steps':["
                    + "{'kind':'drop_type','type_kind':'edge','name':'AffiliatedWithCompany',"
                    + "'mode':'soft'},"
                    + "{'kind':'drop_type','type_kind':'edge','name':'ContributedByExpert',"
                    + "'mode':'soft'},"
                    + "{'kind':'drop_type','type_kind':'node','name':'Expert','mode':'soft'}]}"));
    assertThat(plan.withHardDrops().render())
        .containsExactly(
            "- drop_type edge:AffiliatedWithCompany [hard]",
            "- drop_type edge:ContributedByExpert [hard]",
            "- drop_type node:Expert [hard]");
  }

  @Test
  void industryIntelEvolution() {
    String text = industryIntel();
    String desired =
        text.replace("node Expert {", "node Expert @description(\"a person we cite\") {")
            .replace("    name: String @index\n}", "    name: String @index\n    bio: String?\n}")
            .replace(
                "artifactType: enum(email, youtube, pdf, article)",
                "artifactType: enum(email, youtube, pdf, article, podcast)")
            .replace(
                "edge ReferencesElement: KnowHow -> Element",
                "edge Cites: KnowHow -> Element @rename_from(\"ReferencesElement\")");
    SchemaMigrationPlan plan = PlanTesting.plan(text, desired);
    assertThat(plan.render())
        .containsExactly(
            "~ rename_type edge:ReferencesElement -> Cites",
            "+ add_property node:Expert.bio String?",
            "+ extend_enum node:InformationArtifact.artifactType [podcast]",
            "~ update_type_metadata node:Expert @description(\"a person we cite\")");
    assertThat(plan.supported()).isTrue();
  }

  private static String industryIntel() {
    return Fixtures.read(
        schemas().filter(p -> p.toString().contains("industry-intel")).findFirst().orElseThrow());
  }

  private static Comparator<EdgeType> byName() {
    return Comparator.comparing(EdgeType::name);
  }

  /**
   * The schema text without the declaration {@code <keyword> <name>}: its header line and, when it
   * has one, its {@code { … }} body.
   */
  static String without(String text, String keyword, String name) {
    Matcher m = Pattern.compile("(?m)^[ \\t]*" + keyword + " " + name + "\\b").matcher(text);
    assertThat(m.find()).as(keyword + " " + name).isTrue();
    int start = m.start();
    int eol = text.indexOf('\n', start);
    int end = eol < 0 ? text.length() : eol;
    if (text.substring(start, end).contains("{")) {
      end = text.indexOf('}', start) + 1;
    } else if (text.substring(end).stripLeading().startsWith("{")) {
      end = text.indexOf('}', end) + 1;
    }
    return text.substring(0, start) + text.substring(end);
  }
}
