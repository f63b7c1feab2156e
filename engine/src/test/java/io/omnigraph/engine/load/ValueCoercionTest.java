package io.omnigraph.engine.load;

import static io.omnigraph.engine.load.LoadTesting.assertError;
import static io.omnigraph.engine.load.LoadTesting.fails;
import static io.omnigraph.engine.load.LoadTesting.merge;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each schema type: accepted JSON spellings and their runtime values, and rejections. */
class ValueCoercionTest {
  private static String personWith(String member) {
    return "{\"type\":\"Person\",\"data\":{\"slug\":\"p\",\"name\":\"P\"," + member + "}}\n";
  }

  private static Object valueOf(String property, String json) {
    StagedNodes people =
        merge(personWith("\"" + property + "\":" + json)).nodes("Person").orElseThrow();
    return people.value(0, property);
  }

  static Stream<Arguments> accepted() {
    return Stream.of(
        Arguments.of("age", "36", 36L),
        Arguments.of("age", "\"36\"", 36L),
        Arguments.of("big", "-2147483649", -2147483649L),
        Arguments.of("big", "\"9223372036854775807\"", Long.MAX_VALUE),
        Arguments.of("big", "-9223372036854775808", Long.MIN_VALUE),
        Arguments.of("big", "9007199254740993", 9007199254740993L),
        Arguments.of("ubig", "\"9223372036854775807\"", Long.MAX_VALUE),
        Arguments.of("small", "4294967295", 4294967295L),
        Arguments.of("score", "1.5", 1.5),
        Arguments.of("score", "2", 2.0),
        Arguments.of("score", "1e3", 1000.0),
        Arguments.of("ratio", "0.1", (double) 0.1f),
        Arguments.of("active", "true", true),
        Arguments.of("active", "false", false),
        Arguments.of("born", "\"2024-01-02\"", 19724),
        Arguments.of("born", "19724", 19724),
        Arguments.of("born", "-1", -1),
        Arguments.of("seen", "\"2024-01-02T03:04:05Z\"", 1704164645000L),
        Arguments.of("seen", "\"2024-01-02T03:04:05.123+01:00\"", 1704161045123L),
        Arguments.of("seen", "1704164645000", 1704164645000L),
        Arguments.of("tags", "[\"a\",\"b\"]", List.of("a", "b")),
        Arguments.of("tags", "[]", List.of()),
        Arguments.of("nums", "[1,\"9223372036854775807\"]", List.of(1L, Long.MAX_VALUE)),
        Arguments.of("mood", "\"sad\"", "sad"),
        Arguments.of("email", "null", null),
        Arguments.of("age", "null", null));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("accepted")
  void acceptedSpellings(String property, String json, Object expected) {
    assertThat(valueOf(property, json)).isEqualTo(expected);
  }

  @Test
  void vectorsAndBlobs() {
    assertThat((float[]) valueOf("emb", "[1, 0.5, -2]")).containsExactly(1f, 0.5f, -2f);
    assertThat((byte[]) valueOf("photo", "\"base64:AQID\"")).containsExactly(1, 2, 3);
  }

  @Test
  void absentNullablePropertiesAreNull() {
    StagedNodes p = merge(personWith("\"age\":1")).nodes("Person").orElseThrow();
    assertThat(p.value(0, "score")).isNull();
    assertThat(p.value(0, "tags")).isNull();
    assertThat(p.properties()).startsWith("slug", "name", "age");
  }

  static Stream<Arguments> rejected() {
    return Stream.of(
        r("\"age\":\"old\"", "property 'age' of Person: expected an integer"),
        r("\"age\":1.5", "property 'age' of Person: expected an integer"),
        r("\"age\":2147483648", "out of range for I32", "(the property is I32?)"),
        r("\"small\":-1", "out of range for U32"),
        r("\"ubig\":\"18446744073709551615\"", "out of range for U64"),
        r("\"big\":\"9223372036854775808\"", "out of range for I64"),
        r("\"score\":\"1.5\"", "property 'score' of Person: expected a number"),
        r("\"score\":1e400", "expected a finite number"),
        r("\"active\":\"yes\"", "expected true or false"),
        r("\"born\":\"2024-13-01\"", "expected a date as YYYY-MM-DD"),
        r("\"born\":\"01/02/2024\"", "expected a date as YYYY-MM-DD"),
        r("\"born\":true", "expected a date (YYYY-MM-DD or epoch days)"),
        r("\"seen\":\"2024-01-02 03:04:05\"", "RFC 3339"),
        r("\"seen\":\"2024-01-02T03:04:05\"", "RFC 3339"),
        r("\"seen\":1.5", "expected a datetime"),
        r("\"tags\":\"a\"", "expected a list of String"),
        r("\"tags\":[\"a\",null]", "list elements may not be null"),
        r("\"tags\":[1]", "expected a string, got a number"),
        r("\"emb\":[1,2]", "expected 3 numbers in the vector, got 2"),
        r("\"emb\":[1,2,3,4]", "expected 3 numbers in the vector, got 4"),
        r("\"emb\":[1,\"2\",3]", "vector element 1 is not a finite number"),
        r("\"emb\":\"1,2,3\"", "expected a vector (array of 3 numbers)"),
        r("\"photo\":\"AQID\"", "\"base64:<payload>\""),
        r("\"photo\":\"base64:***\"", "not valid base64"),
        r("\"mood\":\"angry\"", "'angry' is not one of the enum values happy, sad"),
        r("\"mood\":1", "expected a string"),
        r("\"email\":{\"first\":\"a\"}", "expected a string, got an object"));
  }

  private static Arguments r(String member, String... parts) {
    return Arguments.of(member, parts);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejected")
  void rejectedSpellings(String member, String... parts) {
    LoadException e = fails(personWith(member));
    assertError(e, "type_mismatch", 1, parts);
  }

  @Test
  void explicitNullOnANonNullablePropertyNamesLineAndProperty() {
    LoadException e = fails(personWith("\"age\":1").replace("\"name\":\"P\"", "\"name\":null"));
    assertError(
        e, "missing_property", 1, "property 'name' of Person is not nullable", "give a String");
  }

  @Test
  void missingRequiredProperty() {
    LoadException e = fails("{\"type\":\"Person\",\"data\":{\"slug\":\"p\"}}\n");
    assertError(e, "missing_property", 1, "Person needs property 'name' (String)");
  }

  @Test
  void requiredPropertiesOnEdgesAndKeysToo() {
    LoadException e = fails("{\"type\":\"Person\",\"data\":{\"name\":\"P\"}}\n");
    assertError(e, "missing_property", 1, "Person needs property 'slug'");
  }

  @Test
  void enumValuesShareTheCatalogInstance() {
    StagedNodes p =
        merge(
                personWith("\"mood\":\"sad\"")
                    + personWith("\"mood\":\"sad\"").replace("\"p\"", "\"q\""))
            .nodes("Person")
            .orElseThrow();
    assertThat(p.value(0, "mood")).isSameAs(p.value(1, "mood"));
  }
}
