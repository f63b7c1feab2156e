package io.omnigraph.engine.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.omnigraph.compiler.schema.PropType;
import io.omnigraph.compiler.schema.ScalarType;
import io.omnigraph.compiler.text.CodePointOrder;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The runtime representation of property values, and their JSON spellings.
 *
 * <table>
 *   <caption>Java representation per schema type</caption>
 *   <tr><th>schema</th><th>Java</th></tr>
 *   <tr><td>String, enum</td><td>{@link String}</td></tr>
 *   <tr><td>Bool</td><td>{@link Boolean}</td></tr>
 *   <tr><td>I32, I64, U32, U64</td><td>{@link Long} (U64 above 2^63-1 is refused)</td></tr>
 *   <tr><td>F32, F64</td><td>{@link Double} (F32 values rounded to float precision)</td></tr>
 *   <tr><td>Date</td><td>{@link Integer}: days since 1970-01-01</td></tr>
 *   <tr><td>DateTime</td><td>{@link Long}: milliseconds since the epoch (UTC)</td></tr>
 *   <tr><td>[T]</td><td>{@link List} of the element representation</td></tr>
 *   <tr><td>Vector(n)</td><td>{@code float[]} of length n</td></tr>
 *   <tr><td>Blob</td><td>{@code byte[]} (managed bytes)</td></tr>
 *   <tr><td>null / absent</td><td>{@code null}</td></tr>
 * </table>
 *
 * <p>JSON in (load, params): integers as numbers or decimal strings (64-bit values may exceed what
 * JSON numbers carry exactly); Date as epoch days or {@code YYYY-MM-DD}; DateTime as epoch ms or
 * RFC 3339; Vector as an array of exactly n numbers; Blob as {@code "base64:<payload>"}. JSON out:
 * Date {@code YYYY-MM-DD}, DateTime {@code YYYY-MM-DDTHH:MM:SS.sssZ}, 64-bit integers as numbers
 * when |n| ≤ 2^53−1 and as strings beyond.
 */
public final class Values {
  static final long JS_SAFE = (1L << 53) - 1;
  private static final DateTimeFormatter DATETIME_OUT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
          .withZone(java.time.ZoneOffset.UTC);

  private Values() {}

  /**
   * Converts a JSON value to the runtime representation of {@code type}. JSON {@code null} gives
   * {@code null} (the caller decides whether the property may be null).
   *
   * @throws ValueException naming what was expected
   */
  public static Object fromJson(JsonNode json, PropType type) {
    if (json == null || json.isNull() || json.isMissingNode()) {
      return null;
    }
    if (type.isVector()) {
      return vector(json, type.vectorDim());
    }
    if (type.list()) {
      if (!json.isArray()) {
        throw new ValueException(
            "expected a list of " + type.scalar().spelling() + ", got " + kind(json));
      }
      List<Object> out = new ArrayList<>(json.size());
      for (JsonNode item : json) {
        if (item.isNull()) {
          throw new ValueException("list elements may not be null");
        }
        out.add(scalar(item, type.scalar(), List.of()));
      }
      return List.copyOf(out);
    }
    return scalar(json, type.scalar(), type.enumValues());
  }

  private static Object scalar(JsonNode json, ScalarType t, List<String> enumValues) {
    return switch (t) {
      case STRING -> string(json, enumValues);
      case BOOL -> {
        if (!json.isBoolean()) {
          throw new ValueException("expected true or false, got " + kind(json));
        }
        yield json.booleanValue();
      }
      case I32, I64, U32, U64 -> integer(json, t);
      case F32, F64 -> floating(json, t);
      case DATE -> date(json);
      case DATETIME -> dateTime(json);
      case BLOB -> blob(json);
    };
  }

  private static String string(JsonNode json, List<String> enumValues) {
    if (!json.isTextual()) {
      throw new ValueException("expected a string, got " + kind(json));
    }
    String s = json.textValue();
    if (!enumValues.isEmpty() && !enumValues.contains(s)) {
      throw new ValueException(
          "'" + s + "' is not one of the enum values " + String.join(", ", enumValues));
    }
    return s;
  }

  private static Long integer(JsonNode json, ScalarType t) {
    BigInteger v;
    if (json.isIntegralNumber()) {
      v = json.bigIntegerValue();
    } else if (json.isTextual()) {
      try {
        v = new BigInteger(json.textValue().trim());
      } catch (NumberFormatException e) {
        throw new ValueException(
            "expected an integer, got the string \"" + json.textValue() + "\"");
      }
    } else {
      throw new ValueException("expected an integer, got " + kind(json));
    }
    BigInteger[] range = range(t);
    if (v.compareTo(range[0]) < 0 || v.compareTo(range[1]) > 0) {
      throw new ValueException(
          v + " is out of range for " + t.spelling() + " (" + range[0] + " to " + range[1] + ")");
    }
    return v.longValue();
  }

  private static BigInteger[] range(ScalarType t) {
    return switch (t) {
      case I32 ->
          new BigInteger[] {
            BigInteger.valueOf(Integer.MIN_VALUE), BigInteger.valueOf(Integer.MAX_VALUE)
          };
      case U32 -> new BigInteger[] {BigInteger.ZERO, BigInteger.valueOf(0xFFFF_FFFFL)};
      case U64 -> new BigInteger[] {BigInteger.ZERO, BigInteger.valueOf(Long.MAX_VALUE)};
      default ->
          new BigInteger[] {BigInteger.valueOf(Long.MIN_VALUE), BigInteger.valueOf(Long.MAX_VALUE)};
    };
  }

  private static Double floating(JsonNode json, ScalarType t) {
    if (!json.isNumber()) {
      throw new ValueException("expected a number, got " + kind(json));
    }
    double d = json.doubleValue();
    if (!Double.isFinite(d)) {
      throw new ValueException("expected a finite number");
    }
    return t == ScalarType.F32 ? (double) (float) d : d;
  }

  private static Integer date(JsonNode json) {
    if (json.isIntegralNumber() && json.canConvertToInt()) {
      return json.intValue();
    }
    if (json.isTextual()) {
      try {
        return Math.toIntExact(LocalDate.parse(json.textValue()).toEpochDay());
      } catch (DateTimeParseException | ArithmeticException e) {
        throw new ValueException("expected a date as YYYY-MM-DD, got \"" + json.textValue() + "\"");
      }
    }
    throw new ValueException("expected a date (YYYY-MM-DD or epoch days), got " + kind(json));
  }

  private static Long dateTime(JsonNode json) {
    if (json.isIntegralNumber() && json.canConvertToLong()) {
      return json.longValue();
    }
    if (json.isTextual()) {
      return parseDateTime(json.textValue());
    }
    throw new ValueException("expected a datetime (RFC 3339 or epoch ms), got " + kind(json));
  }

  /** RFC 3339 ({@code Z} or an offset; fractional seconds optional) to epoch milliseconds. */
  public static long parseDateTime(String s) {
    try {
      return OffsetDateTime.parse(s).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new ValueException(
          "expected a datetime like 2026-05-01T12:00:00Z (RFC 3339), got \"" + s + "\"");
    }
  }

  private static float[] vector(JsonNode json, int dim) {
    if (!json.isArray()) {
      throw new ValueException(
          "expected a vector (array of " + dim + " numbers), got " + kind(json));
    }
    if (json.size() != dim) {
      throw new ValueException("expected " + dim + " numbers in the vector, got " + json.size());
    }
    float[] v = new float[dim];
    for (int i = 0; i < dim; i++) {
      JsonNode x = json.get(i);
      if (!x.isNumber() || !Double.isFinite(x.doubleValue())) {
        throw new ValueException("vector element " + i + " is not a finite number");
      }
      v[i] = (float) x.doubleValue();
    }
    return v;
  }

  private static byte[] blob(JsonNode json) {
    if (!json.isTextual()) {
      throw new ValueException("expected a Blob as \"base64:<payload>\", got " + kind(json));
    }
    String s = json.textValue();
    if (!s.startsWith("base64:")) {
      throw new ValueException(
          "external Blob references are not supported by this build; send the bytes as \"base64:<payload>\"");
    }
    try {
      return Base64.getDecoder().decode(s.substring("base64:".length()));
    } catch (IllegalArgumentException e) {
      throw new ValueException("the Blob payload is not valid base64");
    }
  }

  static String kind(JsonNode json) {
    return switch (json.getNodeType()) {
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case ARRAY -> "a list";
      case OBJECT -> "an object";
      default -> "null";
    };
  }

  /** The JSON spelling of a runtime value of {@code type} (see the class comment). */
  public static JsonNode toJson(Object v, PropType type) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (v == null) {
      return f.nullNode();
    }
    if (type.isVector()) {
      ArrayNode a = f.arrayNode();
      for (float x : (float[]) v) {
        a.add(x);
      }
      return a;
    }
    if (type.list()) {
      ArrayNode a = f.arrayNode();
      for (Object item : (List<?>) v) {
        a.add(scalarJson(item, type.scalar()));
      }
      return a;
    }
    return scalarJson(v, type.scalar());
  }

  private static JsonNode scalarJson(Object v, ScalarType t) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    return switch (t) {
      case STRING -> f.textNode((String) v);
      case BOOL -> f.booleanNode((Boolean) v);
      case I32, U32 -> f.numberNode((Long) v);
      case I64, U64 -> {
        long n = (Long) v;
        yield Math.abs(n) <= JS_SAFE ? f.numberNode(n) : f.textNode(Long.toString(n));
      }
      case F32 -> f.numberNode((float) (double) (Double) v);
      case F64 -> f.numberNode((Double) v);
      case DATE -> f.textNode(LocalDate.ofEpochDay((Integer) v).toString());
      case DATETIME -> f.textNode(DATETIME_OUT.format(Instant.ofEpochMilli((Long) v)));
      case BLOB -> f.textNode("base64:" + Base64.getEncoder().encodeToString((byte[]) v));
    };
  }

  /**
   * Total order used by {@code order} and comparisons: NULL sorts first; strings (and enums) by
   * their UTF-8 bytes (code point order); numbers numerically; booleans false before true.
   */
  @SuppressWarnings("unchecked")
  public static int compare(Object a, Object b) {
    if (a == b) {
      return 0;
    }
    if (a == null) {
      return -1;
    }
    if (b == null) {
      return 1;
    }
    if (a instanceof String x && b instanceof String y) {
      return compareUtf8(x, y);
    }
    if (a instanceof Number x && b instanceof Number y) {
      return compareNumbers(x, y);
    }
    if (a instanceof Comparable<?> c && a.getClass() == b.getClass()) {
      return ((Comparable<Object>) c).compareTo(b);
    }
    throw new IllegalArgumentException("cannot compare " + a.getClass() + " with " + b.getClass());
  }

  private static int compareNumbers(Number x, Number y) {
    if ((x instanceof Long || x instanceof Integer)
        && (y instanceof Long || y instanceof Integer)) {
      return Long.compare(x.longValue(), y.longValue());
    }
    return Double.compare(x.doubleValue(), y.doubleValue());
  }

  /** Compares by Unicode code points, which is the UTF-8 byte order. */
  public static int compareUtf8(String a, String b) {
    return CodePointOrder.compare(a, b);
  }

  /**
   * The canonical scalar spelling used in key-derived ids (spec 02 §6): integers in decimal,
   * booleans {@code true}/{@code false}, Date as its epoch-day integer, DateTime as epoch ms,
   * floats in the shortest spelling of their stored width ({@code -0} → {@code 0}), strings as-is.
   */
  public static String canonicalKey(Object v, ScalarType t) {
    return switch (t) {
      case F32 -> plain(Float.toString((float) (double) (Double) v));
      case F64 -> plain(Double.toString((Double) v));
      default -> v.toString();
    };
  }

  private static String plain(String shortest) {
    BigDecimal d = new BigDecimal(shortest).stripTrailingZeros();
    return d.signum() == 0 ? "0" : d.toPlainString();
  }
}
