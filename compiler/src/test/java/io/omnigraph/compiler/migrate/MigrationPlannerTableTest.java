package io.omnigraph.compiler.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnigraph.compiler.schema.Catalog;
import io.omnigraph.compiler.schema.EdgeType;
import io.omnigraph.compiler.schema.InterfaceType;
import io.omnigraph.compiler.schema.NodeType;
import io.omnigraph.compiler.schema.Property;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per planner rule of spec 02 §8: accepted schema, desired schema, and the exact plan in
 * its human form (one line per step, in plan order). Exact JSON shapes are covered by {@link
 * MigrationStepJsonTest}.
 */
class MigrationPlannerTableTest {

  record Case(String name, String accepted, String desired, List<String> steps) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Case row(String name, String accepted, String desired, String... steps) {
    return new Case(name, accepted, desired, List.of(steps));
  }

  private static final String PERSON = "node Person { name: String }";
  private static final String KNOWS = PERSON + " edge Knows: Person -> Person";
  private static final String TASK = "node Task { status: enum(a, b) }";
  private static final String DOC =
      "node Doc { text: String summary: String embedding: Vector(3) @embed(\"text\") }";

  static Stream<Case> noChange() {
    return Stream.of(
        row("identical schemas", KNOWS, KNOWS),
        row(
            "reformatting and comments only",
            "node Person { name: String age: I32? }",
            """
            // people
            node Person {
                name: String   /* the full name */
                age:  I32?
            }
            """),
        row("reordered enum values", TASK, "node Task { status: enum(b, a) }"),
        row(
            "reordered declarations, properties and implements",
            "interface A { a: String } interface B { b: String }"
                + " node P implements A, B { x: I32 y: I32 } node Q { z: I32 } edge E: P -> Q",
            "interface B { b: String } interface A { a: String }"
                + " node Q { z: I32 } node P implements B, A { y: I32 x: I32 } edge E: P -> Q"),
        row(
            "applied @rename_from is inert",
            "node Person @rename_from(\"People\") { name: String @rename_from(\"title\") }",
            "node Person @rename_from(\"People\") { name: String @rename_from(\"title\") }"),
        row(
            "property @index moved to the body",
            "node Person { name: String @index }",
            "node Person { name: String @index(name) }"),
        row(
            "property @key moved to the body",
            "node Person { slug: String @key }",
            "node Person { slug: String @key(slug) }"),
        row("new interface nobody implements", PERSON, PERSON + " interface Named { n: String }"));
  }

  static Stream<Case> types() {
    return Stream.of(
        row(
            "add node type",
            PERSON,
            PERSON + " node Company { name: String }",
            "+ add_type node:Company"),
        row("add edge type", PERSON, KNOWS, "+ add_type edge:Knows"),
        row(
            "added type with required properties and indexes is just add_type",
            PERSON,
            PERSON + " node Company @description(\"c\") { slug: String @key name: String @index }",
            "+ add_type node:Company"),
        row(
            "rename node type",
            "node People { name: String }",
            "node Person @rename_from(\"People\") { name: String }",
            "~ rename_type node:People -> Person"),
        row(
            "rename node type; edge endpoints follow",
            "node People { name: String } edge Knows: People -> People",
            "node Person @rename_from(\"People\") { name: String } edge Knows: Person -> Person",
            "~ rename_type node:People -> Person"),
        row(
            "rename edge type",
            PERSON + " edge Likes: Person -> Person",
            PERSON + " edge Knows: Person -> Person @rename_from(\"Likes\")",
            "~ rename_type edge:Likes -> Knows"),
        row(
            "edge renamed by case only",
            PERSON + " edge KNOWS: Person -> Person",
            KNOWS,
            "~ rename_type edge:KNOWS -> Knows"),
        row(
            "@rename_from whose source is still declared adds a type",
            PERSON,
            PERSON + " node Human @rename_from(\"Person\") { name: String }",
            "+ add_type node:Human"),
        row(
            "drop node type",
            PERSON + " node Company { name: String }",
            PERSON,
            "- drop_type node:Company [soft]"),
        row(
            "drop node type with its edges (edges first)",
            KNOWS + " node Company { name: String } edge WorksAt: Person -> Company",
            KNOWS,
            "- drop_type edge:WorksAt [soft]",
            "- drop_type node:Company [soft]"),
        row("drop edge type", KNOWS, PERSON, "- drop_type edge:Knows [soft]"));
  }

  static Stream<Case> properties() {
    return Stream.of(
        row(
            "add nullable property",
            PERSON,
            "node Person { name: String age: I32? }",
            "+ add_property node:Person.age I32?"),
        row(
            "add nullable edge property",
            KNOWS,
            PERSON + " edge Knows: Person -> Person { since: Date? }",
            "+ add_property edge:Knows.since Date?"),
        row(
            "add required property",
            PERSON,
            "node Person { name: String age: I32 }",
            "! unsupported node:Person.age: [OG-MF-103] adding required property 'age' (I32)"
                + " needs a value in every existing row; declare it nullable (I32?)"),
        row(
            "rename property",
            PERSON,
            "node Person { title: String @rename_from(\"name\") }",
            "~ rename_property node:Person.name -> title"),
        row(
            "rename interface property renames it on every implementer",
            "interface Named { name: String } node Person implements Named {}"
                + " node Company implements Named {}",
            "interface Named { title: String @rename_from(\"name\") }"
                + " node Person implements Named {} node Company implements Named {}",
            "~ rename_property node:Company.name -> title",
            "~ rename_property node:Person.name -> title"),
        row(
            "rename then widen: rename first",
            TASK,
            "node Task { state: enum(a, b, c) @rename_from(\"status\") }",
            "~ rename_property node:Task.status -> state",
            "+ extend_enum node:Task.state [c]"),
        row(
            "drop property",
            "node Person { name: String age: I32? }",
            PERSON,
            "- drop_property node:Person.age [soft]"),
        row(
            "drop indexed property takes its index along",
            "node Person { name: String age: I32? @index nick: String? @unique }",
            PERSON,
            "- drop_property node:Person.age [soft]",
            "- drop_property node:Person.nick [soft]"),
        row(
            "drop a key property",
            "node Person { slug: String @key name: String? }",
            "node Person { name: String? }",
            "- drop_property node:Person.slug [soft]",
            "! unsupported node:Person: changing the key from (slug) to none is not supported:"
                + " the key is the node's identity; keep the previous key"),
        row(
            "rename a key property",
            "node Person { slug: String @key }",
            "node Person { handle: String @key @rename_from(\"slug\") }",
            "~ rename_property node:Person.slug -> handle"));
  }

  static Stream<Case> typeChanges() {
    String unsupported =
        "! unsupported node:Task.status: [OG-MF-106] changing the type of 'status'";
    String remedy = "; add a new property with the new type instead";
    return Stream.of(
        row(
            "extend enum",
            TASK,
            "node Task { status: enum(a, b, c, d) }",
            "+ extend_enum node:Task.status [c, d]"),
        row(
            "extend nullable enum",
            "node Task { status: enum(a)? }",
            "node Task { status: enum(a, b)? }",
            "+ extend_enum node:Task.status [b]"),
        row(
            "enum narrowing",
            TASK,
            "node Task { status: enum(a) }",
            unsupported
                + " from enum(a, b) to enum(a) is not supported (it removes enum value(s) b)"
                + remedy),
        row(
            "enum value rename",
            TASK,
            "node Task { status: enum(a, c) }",
            unsupported
                + " from enum(a, b) to enum(a, c) is not supported (it removes enum value(s) b)"
                + remedy),
        row(
            "enum widening that also makes it nullable",
            TASK,
            "node Task { status: enum(a, b, c)? }",
            unsupported + " from enum(a, b) to enum(a, b, c)? is not supported" + remedy),
        row(
            "enum to String",
            TASK,
            "node Task { status: String }",
            unsupported + " from enum(a, b) to String is not supported" + remedy),
        row(
            "String to enum",
            "node Task { status: String }",
            TASK,
            unsupported + " from String to enum(a, b) is not supported" + remedy),
        row(
            "integer widening",
            "node Task { status: I32 }",
            "node Task { status: I64 }",
            unsupported + " from I32 to I64 is not supported" + remedy),
        row(
            "nullable to required",
            "node Task { status: I32? }",
            "node Task { status: I32 }",
            unsupported
                + " from I32? to I32 is not supported (it makes the property required)"
                + remedy),
        row(
            "required to nullable",
            "node Task { status: I32 }",
            "node Task { status: I32? }",
            unsupported
                + " from I32 to I32? is not supported (it makes the property nullable)"
                + remedy),
        row(
            "list element type",
            "node Task { status: [String] }",
            "node Task { status: [I32] }",
            unsupported + " from [String] to [I32] is not supported" + remedy),
        row(
            "vector dimension",
            "node Task { status: Vector(3) }",
            "node Task { status: Vector(4) }",
            unsupported + " from Vector(3) to Vector(4) is not supported" + remedy));
  }

  static Stream<Case> constraints() {
    return Stream.of(
        row(
            "add property-level @index",
            PERSON,
            "node Person { name: String @index }",
            "+ add_constraint node:Person @index(name)"),
        row(
            "add body @index",
            "node Person { first: String last: String }",
            "node Person { first: String last: String @index(first, last) }",
            "+ add_constraint node:Person @index(first, last)"),
        row(
            "add @index on an edge property",
            PERSON + " edge Knows: Person -> Person { since: Date? }",
            PERSON + " edge Knows: Person -> Person { since: Date? @index }",
            "+ add_constraint edge:Knows @index(since)"),
        row(
            "new nullable indexed property",
            PERSON,
            "node Person { name: String age: I32? @index }",
            "+ add_property node:Person.age I32?",
            "+ add_constraint node:Person @index(age)"),
        row(
            "rename an indexed property",
            "node Person { name: String @index }",
            "node Person { title: String @index @rename_from(\"name\") }",
            "~ rename_property node:Person.name -> title"),
        row(
            "remove property-level @unique",
            "node Person { email: String @unique }",
            "node Person { email: String }",
            "! unsupported node:Person.email: removing @unique(email) is not supported;"
                + " keep the constraint"),
        row(
            "remove property-level @index",
            "node Person { name: String @index }",
            PERSON,
            "! unsupported node:Person.name: removing @index(name) is not supported;"
                + " keep the constraint"),
        row(
            "add property-level @unique",
            "node Person { email: String }",
            "node Person { email: String @unique }",
            "! unsupported node:Person.email: adding @unique(email) is not supported:"
                + " existing data may violate it; only @index can be added"),
        row(
            "add property-level @key",
            "node Person { email: String }",
            "node Person { email: String @key }",
            "! unsupported node:Person: changing the key from none to (email) is not supported:"
                + " the key is the node's identity; keep the previous key"),
        row(
            "remove body @range",
            "node Person { age: I32 @range(age, 0..150) }",
            "node Person { age: I32 }",
            "! unsupported node:Person.age: removing @range(age, 0..150) is not supported;"
                + " keep the constraint"),
        row(
            "add body @check",
            PERSON,
            "node Person { name: String @check(name, \"^[A-Z]\") }",
            "! unsupported node:Person.name: adding @check(name, \"^[A-Z]\") is not supported:"
                + " existing data may violate it; only @index can be added"),
        row(
            "add body @unique over two properties",
            "node Person { first: String last: String }",
            "node Person { first: String last: String @unique(first, last) }",
            "! unsupported node:Person: adding @unique(first, last) is not supported:"
                + " existing data may violate it; only @index can be added"),
        row(
            "add edge @unique(src)",
            KNOWS,
            PERSON + " edge Knows: Person -> Person { @unique(src) }",
            "! unsupported edge:Knows.src: adding @unique(src) is not supported:"
                + " existing data may violate it; only @index can be added"));
  }

  static Stream<Case> metadata() {
    return Stream.of(
        row(
            "type description changed",
            "node Person @description(\"someone\") { name: String }",
            "node Person @description(\"a person\") { name: String }",
            "~ update_type_metadata node:Person @description(\"a person\")"),
        row(
            "edge instruction added, description kept",
            PERSON + " edge Knows: Person -> Person @description(\"d\")",
            PERSON + " edge Knows: Person -> Person @instruction(\"i\") @description(\"d\")",
            "~ update_type_metadata edge:Knows @description(\"d\") @instruction(\"i\")"),
        row(
            "type description removed",
            "node Person @description(\"someone\") { name: String }",
            PERSON,
            "~ update_type_metadata node:Person (metadata removed)"),
        row(
            "property description changed",
            "node Person { name: String @description(\"old\") }",
            "node Person { name: String @description(\"new\") }",
            "~ update_property_metadata node:Person.name @description(\"new\")"),
        row(
            "property description removed",
            "node Person { name: String @description(\"old\") }",
            PERSON,
            "~ update_property_metadata node:Person.name (metadata removed)"),
        row(
            "custom type annotation changed",
            "node Person @owner(\"a\") { name: String }",
            "node Person @owner(\"b\") { name: String }",
            "! unsupported node:Person: changing annotations other than @description/@instruction"
                + " is not supported (was @owner(\"a\"), now @owner(\"b\")); keep the previous"
                + " annotations"),
        row(
            "custom property annotation added",
            PERSON,
            "node Person { name: String @pii }",
            "! unsupported node:Person.name: changing annotations other than"
                + " @description/@instruction is not supported (was none, now @pii); keep the"
                + " previous annotations"));
  }

  static Stream<Case> structure() {
    return Stream.of(
        row(
            "remove interface",
            "interface Named { name: String } " + PERSON,
            PERSON,
            "! unsupported interface:Named: removing or renaming interface Named is not supported;"
                + " keep the interface declared"),
        row(
            "rename interface",
            "interface Named { name: String } node Person implements Named {}",
            "interface Titled { name: String } node Person implements Titled {}",
            "! unsupported interface:Named: removing or renaming interface Named is not supported;"
                + " keep the interface declared",
            "! unsupported node:Person: changing the implemented interfaces from [Named] to"
                + " [Titled] is not supported; keep the previous implements list",
            "! unsupported node:Person.name: changing where 'name' is declared (from interface"
                + " Named to interface Titled) is not supported; keep it declared where it was"),
        row(
            "implement another interface",
            "interface Named { name: String } interface Aged { age: I32? }"
                + " node Person implements Named {}",
            "interface Named { name: String } interface Aged { age: I32? }"
                + " node Person implements Named, Aged {}",
            "+ add_property node:Person.age I32?",
            "! unsupported node:Person: changing the implemented interfaces from [Named] to"
                + " [Aged, Named] is not supported; keep the previous implements list"),
        row(
            "declaration provenance changed",
            "interface A { name: String } interface B { name: String }"
                + " node Person implements A, B {}",
            "interface A { name: String } interface B { name: String }"
                + " node Person implements B, A {}",
            "! unsupported node:Person.name: changing where 'name' is declared (from interface A"
                + " to interface B) is not supported; keep it declared where it was"),
        row(
            "nullable property added to an interface lands on its implementers",
            "interface Named { name: String } node Person implements Named {}"
                + " node Company implements Named {}",
            "interface Named { name: String nick: String? } node Person implements Named {}"
                + " node Company implements Named {}",
            "+ add_property node:Company.nick String?",
            "+ add_property node:Person.nick String?"),
        row(
            "interface property type change is reported on its implementers",
            "interface Named { name: String } node Person implements Named {}",
            "interface Named { name: String? } node Person implements Named {}",
            "! unsupported node:Person.name: [OG-MF-106] changing the type of 'name' from String"
                + " to String? is not supported (it makes the property nullable); add a new"
                + " property with the new type instead"),
        row(
            "interface property description changes on its implementers",
            "interface Named { name: String } node Person implements Named {}",
            "interface Named { name: String @description(\"n\") } node Person implements Named {}",
            "~ update_property_metadata node:Person.name @description(\"n\")"),
        row(
            "change edge endpoint",
            KNOWS + " node Company { name: String }",
            PERSON + " node Company { name: String } edge Knows: Person -> Company",
            "! unsupported edge:Knows: changing the endpoints from Person -> Person to"
                + " Person -> Company is not supported; declare a new edge type instead"),
        row(
            "change edge cardinality",
            KNOWS,
            PERSON + " edge Knows: Person -> Person @card(0..1)",
            "! unsupported edge:Knows: changing the cardinality from @card(0..) to @card(0..1)"
                + " is not supported; keep the previous @card"),
        row(
            "change @embed source",
            DOC,
            DOC.replace("@embed(\"text\")", "@embed(\"summary\")"),
            "! unsupported node:Doc.embedding: changing @embed of 'embedding' from"
                + " @embed(\"text\") to @embed(\"summary\") is not supported; rebuild the graph"
                + " to re-embed"),
        row(
            "change @embed model",
            DOC,
            DOC.replace("@embed(\"text\")", "@embed(\"text\", model=\"m2\")"),
            "! unsupported node:Doc.embedding: changing @embed of 'embedding' from"
                + " @embed(\"text\") to @embed(\"text\", model=\"m2\") is not supported; rebuild"
                + " the graph to re-embed"),
        row(
            "rename the @embed source property",
            DOC,
            DOC.replace("text: String", "body: String @rename_from(\"text\")")
                .replace("@embed(\"text\")", "@embed(\"body\")"),
            "~ rename_property node:Doc.text -> body"));
  }

  static Stream<Case> ordering() {
    return Stream.of(
        row(
            "every kind of step, in plan order",
            """
            node People { name: String age: I32? status: enum(a) @description("s") }
            node Old { x: I32 }
            edge Knows: People -> People
            edge Gone: People -> Old
            """,
            """
            node Person @rename_from("People") @description("p") {
              title: String @rename_from("name") @index
              status: enum(a, b) @description("state")
              nick: String?
              score: I64
            }
            node Company { name: String }
            edge Knows: Person -> Person
            edge WorksAt: Person -> Company
            """,
            "~ rename_type node:People -> Person",
            "~ rename_property node:Person.name -> title",
            "+ add_type node:Company",
            "+ add_type edge:WorksAt",
            "+ add_property node:Person.nick String?",
            "+ extend_enum node:Person.status [b]",
            "+ add_constraint node:Person @index(title)",
            "~ update_type_metadata node:Person @description(\"p\")",
            "~ update_property_metadata node:Person.status @description(\"state\")",
            "- drop_property node:Person.age [soft]",
            "- drop_type edge:Gone [soft]",
            "- drop_type node:Old [soft]",
            "! unsupported node:Person.score: [OG-MF-103] adding required property 'score' (I64)"
                + " needs a value in every existing row; declare it nullable (I64?)"));
  }

  static Stream<Case> all() {
    return Stream.of(
            noChange(),
            types(),
            properties(),
            typeChanges(),
            constraints(),
            metadata(),
            structure(),
            ordering())
        .flatMap(s -> s);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("all")
  void plansExactly(Case c) {
    SchemaMigrationPlan plan = PlanTesting.plan(c.accepted(), c.desired());
    assertThat(plan.render()).containsExactlyElementsOf(c.steps());
    boolean blocked = c.steps().stream().anyMatch(s -> s.startsWith("!"));
    assertThat(plan.supported()).isEqualTo(!blocked);
    assertThat(plan.stepCount()).isEqualTo(c.steps().size());
  }

  /** Declaration order (types, properties, constraints, annotations) never changes a plan. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("all")
  void ignoresDeclarationOrder(Case c) {
    Catalog accepted = PlanTesting.catalog(c.accepted());
    Catalog desired = PlanTesting.catalog(c.desired());
    SchemaMigrationPlan plan = MigrationPlanner.plan(reversed(accepted), reversed(desired));
    assertThat(plan).isEqualTo(MigrationPlanner.plan(accepted, desired));
  }

  private static Catalog reversed(Catalog c) {
    Map<String, InterfaceType> ifaces = new LinkedHashMap<>();
    reverse(c.interfaces().values())
        .forEach(i -> ifaces.put(i.name(), new InterfaceType(i.name(), reverse(i.properties()))));
    Map<String, NodeType> nodes = new LinkedHashMap<>();
    reverse(c.nodes().values()).forEach(n -> nodes.put(n.name(), reversed(n)));
    Map<String, EdgeType> edges = new LinkedHashMap<>();
    reverse(c.edges().values()).forEach(e -> edges.put(e.name(), reversed(e)));
    return new Catalog(ifaces, nodes, edges);
  }

  private static NodeType reversed(NodeType n) {
    return new NodeType(
        n.name(),
        reverse(n.implementsList()),
        reverse(n.properties()),
        reverse(n.constraints()),
        reverse(n.annotations()),
        n.renameFrom());
  }

  private static EdgeType reversed(EdgeType e) {
    return new EdgeType(
        e.name(),
        e.from(),
        e.to(),
        e.cardMin(),
        e.cardMax(),
        reverse(e.properties()),
        reverse(e.constraints()),
        reverse(e.annotations()),
        e.renameFrom());
  }

  private static <T> List<T> reverse(Collection<T> items) {
    List<T> out = new ArrayList<>(items);
    Collections.reverse(out);
    return out;
  }

  private static Map<String, Property> reverse(Map<String, Property> props) {
    Map<String, Property> out = new LinkedHashMap<>();
    reverse(props.values()).forEach(p -> out.put(p.name(), p));
    return out;
  }
}
