package io.omnigraph.engine.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnigraph.compiler.schema.PropType;
import io.omnigraph.compiler.schema.ScalarType;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValuesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode j(String s) {
    try {
      return JSON.readTree(s);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static PropType t(ScalarType s) {
    return PropType.scalar(s, true);
  }

  @Test
  void integersAcceptNumbersAndDecimalStringsWithinRange() {
    assertThat(Values.fromJson(j("42"), t(ScalarType.I32))).isEqualTo(42L);
    assertThat(Values.fromJson(j("\"9007199254740993\""), t(ScalarType.I64)))
        .isEqualTo(9007199254740993L);
    assertThatThrownBy(() -> Values.fromJson(j("2147483648"), t(ScalarType.I32)))
        .hasMessageContaining("out of range for I32");
    assertThatThrownBy(() -> Values.fromJson(j("-1"), t(ScalarType.U32)))
        .hasMessageContaining("out of range");
    assertThatThrownBy(() -> Values.fromJson(j("1.5"), t(ScalarType.I64)))
        .hasMessageContaining("expected an integer");
  }

  @Test
  void datesAndDateTimesAcceptBothSpellings() {
    assertThat(Values.fromJson(j("\"1970-01-11\""), t(ScalarType.DATE))).isEqualTo(10);
    assertThat(Values.fromJson(j("10"), t(ScalarType.DATE))).isEqualTo(10);
    assertThat(Values.fromJson(j("\"2026-05-01T00:00:00Z\""), t(ScalarType.DATETIME)))
        .isEqualTo(1777593600000L);
    assertThat(Values.fromJson(j("\"2026-05-01T02:00:00.5+02:00\""), t(ScalarType.DATETIME)))
        .isEqualTo(1777593600500L);
    assertThat(Values.fromJson(j("1777593600000"), t(ScalarType.DATETIME)))
        .isEqualTo(1777593600000L);
    assertThatThrownBy(() -> Values.fromJson(j("\"May 1\""), t(ScalarType.DATETIME)))
        .hasMessageContaining("RFC 3339");
  }

  @Test
  void enumsVectorsListsAndBlobs() {
    PropType e = PropType.enumOf(List.of("a", "b"), false);
    assertThat(Values.fromJson(j("\"a\""), e)).isEqualTo("a");
    assertThatThrownBy(() -> Values.fromJson(j("\"c\""), e)).hasMessageContaining("a, b");
    assertThat((float[]) Values.fromJson(j("[1, 0.5]"), PropType.vector(2, false)))
        .containsExactly(1f, 0.5f);
    assertThatThrownBy(() -> Values.fromJson(j("[1]"), PropType.vector(2, false)))
        .hasMessageContaining("expected 2 numbers");
    assertThat(Values.fromJson(j("[\"x\",\"y\"]"), PropType.listOf(ScalarType.STRING, true)))
        .isEqualTo(List.of("x", "y"));
    assertThat((byte[]) Values.fromJson(j("\"base64:AQI=\""), t(ScalarType.BLOB)))
        .containsExactly(1, 2);
    assertThat(Values.fromJson(j("null"), t(ScalarType.STRING))).isNull();
  }

  @Test
  void jsonOutSpellings() {
    assertThat(Values.toJson(10, t(ScalarType.DATE)).asText()).isEqualTo("1970-01-11");
    assertThat(Values.toJson(1777593600500L, t(ScalarType.DATETIME)).asText())
        .isEqualTo("2026-05-01T00:00:00.500Z");
    assertThat(Values.toJson(9007199254740991L, t(ScalarType.I64)).isNumber()).isTrue();
    assertThat(Values.toJson((double) 0.1f, t(ScalarType.F32)).toString()).isEqualTo("0.1");
    assertThat(Values.toJson(9007199254740993L, t(ScalarType.I64)).asText())
        .isEqualTo("9007199254740993");
  }

  @Test
  void totalOrderPutsNullFirstAndComparesStringsByCodePoint() {
    assertThat(Values.compare(null, "a")).isNegative();
    assertThat(Values.compare(2L, 10L)).isNegative();
    assertThat(Values.compare(2L, 1.5)).isPositive();
    // U+FF5E sorts before U+1F600 in UTF-8, although Java's UTF-16 order says otherwise.
    assertThat(Values.compare("\uFF5E", "\uD83D\uDE00")).isNegative();
  }

  @Test
  void canonicalKeySpellings() {
    assertThat(Values.canonicalKey(42L, ScalarType.I64)).isEqualTo("42");
    assertThat(Values.canonicalKey(1.0, ScalarType.F64)).isEqualTo("1");
    assertThat(Values.canonicalKey(-0.0, ScalarType.F64)).isEqualTo("0");
    assertThat(Values.canonicalKey(0.1, ScalarType.F32)).isEqualTo("0.1");
    assertThat(Values.canonicalKey(true, ScalarType.BOOL)).isEqualTo("true");
    assertThat(Values.canonicalKey(19000, ScalarType.DATE)).isEqualTo("19000");
  }
}
