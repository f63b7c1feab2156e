package io.omnigraph.compiler.migrate;

import static io.omnigraph.compiler.migrate.PlanTesting.compact;
import static io.omnigraph.compiler.migrate.PlanTesting.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnigraph.compiler.migrate.MigrationStep.DropType;
import io.omnigraph.compiler.migrate.MigrationStep.UnsupportedChange;
import io.omnigraph.compiler.schema.SchemaLintCode;
import io.omnigraph.compiler.schema.TypeKind;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The exact JSON of every step kind (spec 02 §8 field names), of plans, and of hard drops. */
class MigrationStepJsonTest {

  record Case(String kind, String accepted, String desired, String json) {
    @Override
    public String toString() {
      return kind;
    }
  }

  private static final String PERSON = "node Person { name: String }";

  static Stream<Case> oneStepPlans() {
    return Stream.of(
        new Case(
            "add_type",
            PERSON,
            PERSON + " edge Knows: Person -> Person",
            "{'kind':'add_type','type_kind':'edge','name':'Knows'}"),
        new Case(
            "rename_type",
            "node People { name: String }",
            "node Person @rename_from(\"People\") { name: String }",
            "{'kind':'rename_type','type_kind':'node','from':'People','to':'Person'}"),
        new Case(
            "add_property",
            PERSON,
            "node Person { name: String tags: [String]? }",
            "{'kind':'add_property','type_kind':'node','type_name':'Person','property_name':'tags',"
                + "'property_type':{'scalar':'String','nullable':true,'list':true,"
                + "'enum_values':null}}"),
        new Case(
            "add_property (enum)",
            PERSON,
            "node Person { name: String mood: enum(sad, happy)? }",
            "{'kind':'add_property','type_kind':'node','type_name':'Person','property_name':'mood',"
                + "'property_type':{'scalar':'String','nullable':true,'list':false,"
                + "'enum_values':['happy','sad']}}"),
        new Case(
            "add_property (vector)",
            PERSON,
            "node Person { name: String v: Vector(4)? }",
            "{'kind':'add_property','type_kind':'node','type_name':'Person','property_name':'v',"
                + "'property_type':{'scalar':'Vector(4)','nullable':true,'list':false,"
                + "'enum_values':null,'vector_dim':4}}"),
        new Case(
            "rename_property",
            PERSON + " edge Knows: Person -> Person { since: Date? }",
            PERSON + " edge Knows: Person -> Person { from_date: Date? @rename_from(\"since\") }",
            "{'kind':'rename_property','type_kind':'edge','type_name':'Knows','from':'since',"
                + "'to':'from_date'}"),
        new Case(
            "add_constraint",
            PERSON,
            "node Person { name: String @index }",
            "{'kind':'add_constraint','type_kind':'node','type_name':'Person',"
                + "'constraint':{'kind':'index','properties':['name']}}"),
        new Case(
            "extend_enum",
            "node Task { s: enum(a, c) }",
            "node Task { s: enum(d, c, b, a) }",
            "{'kind':'extend_enum','type_kind':'node','type_name':'Task','property_name':'s',"
                + "'added_values':['b','d']}"),
        new Case(
            "update_type_metadata",
            PERSON,
            "node Person @instruction(\"be kind\") { name: String }",
            "{'kind':'update_type_metadata','type_kind':'node','name':'Person','annotations':"
                + "[{'name':'instruction','value':{'kind':'string','text':'be kind'},"
                + "'kwargs':{}}]}"),
        new Case(
            "update_property_metadata",
            "node Person { name: String @description(\"x\") }",
            PERSON,
            "{'kind':'update_property_metadata','type_kind':'node','type_name':'Person',"
                + "'property_name':'name','annotations':[]}"),
        new Case(
            "drop_type",
            PERSON + " node Company { name: String }",
            PERSON,
            "{'kind':'drop_type','type_kind':'node','name':'Company','mode':'soft'}"),
        new Case(
            "drop_property",
            "node Person { name: String age: I32? }",
            PERSON,
            "{'kind':'drop_property','type_kind':'node','type_name':'Person',"
                + "'property_name':'age','mode':'soft'}"),
        new Case(
            "unsupported_change (with code)",
            PERSON,
            "node Person { name: String age: I32 }",
            "{'kind':'unsupported_change','entity':'node:Person.age','reason':"
                + "'adding required property #age# (I32) needs a value in every existing row;"
                + " declare it nullable (I32?)','code':'OG-MF-103'}"),
        new Case(
            "unsupported_change (no code)",
            PERSON + " edge Knows: Person -> Person",
            PERSON + " edge Knows: Person -> Person @card(1..)",
            "{'kind':'unsupported_change','entity':'edge:Knows','reason':"
                + "'changing the cardinality from @card(0..) to @card(1..) is not supported;"
                + " keep the previous @card'}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("oneStepPlans")
  void stepJson(Case c) {
    SchemaMigrationPlan plan = PlanTesting.plan(c.accepted(), c.desired());
    assertThat(plan.steps()).hasSize(1);
    assertThat(compact(plan.steps().get(0).toJson())).isEqualTo(json(c.json()));
    assertThat(plan.steps().get(0).kind()).isEqualTo(c.kind().split(" ")[0]);
  }

  @Test
  void emptyPlanJson() {
    SchemaMigrationPlan plan = PlanTesting.plan(PERSON, PERSON);
    assertThat(compact(plan.toJson())).isEqualTo(json("{'supported':true,'steps':[]}"));
    assertThat(plan.stepCount()).isZero();
    assertThat(plan.unsupportedChanges()).isEmpty();
  }

  @Test
  void unsupportedPlanJson() {
    SchemaMigrationPlan plan =
        PlanTesting.plan(
            "node Person { name: String age: I32? }", "node Person { name: I64 nick: String? }");
    assertThat(compact(plan.toJson()))
        .isEqualTo(
            json(
                "{'supported':false,'steps':["
                    + "{'kind':'add_property','type_kind':'node','type_name':'Person',"
                    + "'property_name':'nick','property_type':{'scalar':'String','nullable':true,"
                    + "'list':false,'enum_values':null}},"
                    + "{'kind':'drop_property','type_kind':'node','type_name':'Person',"
                    + "'property_name':'age','mode':'soft'},"
                    + "{'kind':'unsupported_change','entity':'node:Person.name','reason':"
                    + "'changing the type of #name# from String to I64 is not supported;"
                    + " add a new property with the new type instead','code':'OG-MF-106'}]}"));
    assertThat(plan.unsupportedChanges())
        .extracting(UnsupportedChange::code)
        .containsExactly(SchemaLintCode.CHANGE_PROPERTY_TYPE);
  }

  @Test
  void withHardDropsPromotesEveryDropAndNothingElse() {
    SchemaMigrationPlan soft =
        PlanTesting.plan(
            "node Person { name: String age: I32? } node Company { name: String }"
                + " edge WorksAt: Person -> Company",
            "node Person { name: String nick: String? }");
    SchemaMigrationPlan hard = soft.withHardDrops();
    assertThat(soft.render())
        .containsExactly(
            "+ add_property node:Person.nick String?",
            "- drop_property node:Person.age [soft]",
            "- drop_type edge:WorksAt [soft]",
            "- drop_type node:Company [soft]");
    assertThat(hard.render())
        .containsExactly(
            "+ add_property node:Person.nick String?",
            "- drop_property node:Person.age [hard]",
            "- drop_type edge:WorksAt [hard]",
            "- drop_type node:Company [hard]");
    assertThat(compact(hard.steps().get(3).toJson()))
        .isEqualTo(json("{'kind':'drop_type','type_kind':'node','name':'Company','mode':'hard'}"));
    assertThat(hard.supported()).isTrue();
    assertThat(hard.withHardDrops()).isEqualTo(hard);
  }

  @Test
  void withHardDropsKeepsAnUnsupportedPlanUnsupported() {
    SchemaMigrationPlan plan =
        PlanTesting.plan("node Person { name: String age: I32? }", "node Person { name: I64 }");
    assertThat(plan.withHardDrops().supported()).isFalse();
    assertThat(plan.withHardDrops().render().get(0))
        .isEqualTo("- drop_property node:Person.age [hard]");
  }

  @Test
  void supportedFlagMustAgreeWithTheSteps() {
    UnsupportedChange blocked = new UnsupportedChange("node:P", "no", null);
    assertThatThrownBy(() -> new SchemaMigrationPlan(true, List.of(blocked)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SchemaMigrationPlan(false, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(SchemaMigrationPlan.of(List.of(blocked)).supported()).isFalse();
  }

  @Test
  void humanRenderingPrefixesTheCodeOnlyWhenPresent() {
    assertThat(
            new UnsupportedChange("node:P.a", "why", SchemaLintCode.ADD_REQUIRED_PROPERTY).render())
        .isEqualTo("! unsupported node:P.a: [OG-MF-103] why");
    assertThat(new UnsupportedChange("edge:E", "why", null).render())
        .isEqualTo("! unsupported edge:E: why");
    assertThat(new DropType(TypeKind.EDGE, "E", DropMode.HARD).render())
        .isEqualTo("- drop_type edge:E [hard]");
  }

  @Test
  void planOverCompiledSchemas() {
    SchemaMigrationPlan plan =
        MigrationPlanner.plan(
            PlanTesting.compile(PERSON), PlanTesting.compile(PERSON + " node Company {}"));
    assertThat(plan.render()).containsExactly("+ add_type node:Company");
  }
}
