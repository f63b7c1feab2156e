package io.omnigraph.compiler.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnigraph.compiler.testing.Fixtures;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The digest ignores comments, formatting and declaration order; any semantic change moves it. */
class SchemaDigestTest {
  private static final String BASE =
      """
      interface Named { name: String @index }
      node Person @description("a person") implements Named {
        slug: String @key
        age: I32?
        tags: [String]?
        kind: enum(b, a)
        v: Vector(4)? @embed("name")
        @range(age, 0..150)
      }
      node Company { slug: String @key }
      edge WorksAt: Person -> Company @card(0..1) { since: Date? }
      """;

  private static String digest(String text) {
    var r = SchemaCompiler.compile("t.pg", text);
    assertThat(r.errors()).as(text).isEmpty();
    return r.value().digest();
  }

  @Test
  void reformattingAndCommentsKeepTheDigest() {
    String reformatted =
        """
        // a comment
        /* block
           comment */
        interface Named{name:String @index}
        node Person   @description( "a person" )
            implements Named
        {
          slug : String  @key   // trailing
          age: I32 ?
          tags:[ String ]?
          kind: enum( a , b )
          v: Vector( 4 )? @embed("name")
          @range( age , 0 .. 150 )
        }

        node Company {
          slug: String @key
        }
        edge WorksAt : Person -> Company @card( 0..1 ) {
          since: Date?
        }
        """;
    assertThat(digest(reformatted)).isEqualTo(digest(BASE));
  }

  @Test
  void declarationOrderDoesNotMatter() {
    String reordered =
        """
        edge WorksAt: Person -> Company @card(0..1) { since: Date? }
        node Company { slug: String @key }
        node Person @description("a person") implements Named {
          @range(age, 0..150)
          kind: enum(b, a)
          v: Vector(4)? @embed("name")
          tags: [String]?
          age: I32?
          slug: String @key
        }
        interface Named { name: String @index }
        """;
    assertThat(digest(reordered)).isEqualTo(digest(BASE));
  }

  @Test
  void renameFromIsAMigrationDirectiveNotMeaning() {
    String withDirective = BASE.replace("node Company {", "node Company @rename_from(\"Firm\") {");
    assertThat(digest(withDirective)).isEqualTo(digest(BASE));
  }

  static Stream<Arguments> semanticChanges() {
    return Stream.of(
        Arguments.of("nullability", "age: I32?", "age: I32"),
        Arguments.of("scalar type", "age: I32?", "age: I64?"),
        Arguments.of("list", "tags: [String]?", "tags: String?"),
        Arguments.of("enum value", "kind: enum(b, a)", "kind: enum(b, a, c)"),
        Arguments.of("vector dim", "Vector(4)?", "Vector(5)?"),
        Arguments.of("embed source", "@embed(\"name\")", "@embed(\"slug\")"),
        Arguments.of("embed model", "@embed(\"name\")", "@embed(\"name\", model=\"m\")"),
        Arguments.of("key", "slug: String @key\n  age", "slug: String @unique\n  age"),
        Arguments.of("index", "name: String @index", "name: String"),
        Arguments.of("range bound", "0..150", "0..151"),
        Arguments.of("description", "\"a person\"", "\"a human\""),
        Arguments.of("custom annotation", "node Company {", "node Company @tier(\"gold\") {"),
        Arguments.of("card", "@card(0..1)", "@card(1..1)"),
        Arguments.of("edge endpoint", "Person -> Company", "Person -> Person"),
        Arguments.of("edge property", "since: Date?", "since: DateTime?"),
        Arguments.of("type name", "node Company { slug", "node Firm { slug"),
        Arguments.of("property name", "age: I32?", "years: I32?"),
        Arguments.of("implements", "implements Named {", "{\n  name: String @index"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("semanticChanges")
  void anySemanticChangeMovesTheDigest(String what, String from, String to) {
    String changed = BASE.replace(from, to);
    if (what.equals("type name")) {
      changed = changed.replace("Person -> Company", "Person -> Firm");
    }
    if (what.equals("property name")) {
      changed = changed.replace("@range(age", "@range(years");
    }
    assertThat(changed).isNotEqualTo(BASE);
    assertThat(digest(changed)).as(what).isNotEqualTo(digest(BASE));
  }

  @Test
  void fixtureDigestsAreStableAndDistinct() {
    var digests =
        Fixtures.files(".pg").stream().map(p -> digest(Fixtures.read(p))).distinct().toList();
    assertThat(digests).hasSize(Fixtures.files(".pg").size());
    for (Path p : Fixtures.files(".pg")) {
      String text = Fixtures.read(p);
      String stripped = text.replaceAll("//[^\n]*", "").replaceAll("\n\\s*\n", "\n");
      assertThat(digest(stripped)).as(p.toString()).isEqualTo(digest(text));
    }
  }
}
