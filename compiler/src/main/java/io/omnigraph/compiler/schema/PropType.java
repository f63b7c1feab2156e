package io.omnigraph.compiler.schema;

import java.util.List;
import java.util.Objects;

/**
 * The type of a property: a base scalar, an enum, a fixed-size vector, or a list of a base scalar;
 * each possibly nullable.
 *
 * @param scalar the base scalar; {@code STRING} for enums, {@code F32} for vectors
 * @param list whether this is {@code [scalar]}
 * @param nullable whether {@code ?} was written
 * @param enumValues the sorted, distinct enum values, or an empty list for non-enums
 * @param vectorDim the dimension of a {@code Vector(n)}, or 0
 */
public record PropType(
    ScalarType scalar, boolean list, boolean nullable, List<String> enumValues, int vectorDim) {

  public PropType {
    Objects.requireNonNull(scalar, "scalar");
    enumValues = List.copyOf(enumValues);
  }

  public static PropType scalar(ScalarType t, boolean nullable) {
    return new PropType(t, false, nullable, List.of(), 0);
  }

  public static PropType listOf(ScalarType t, boolean nullable) {
    return new PropType(t, true, nullable, List.of(), 0);
  }

  public static PropType enumOf(List<String> sortedValues, boolean nullable) {
    return new PropType(ScalarType.STRING, false, nullable, sortedValues, 0);
  }

  public static PropType vector(int dim, boolean nullable) {
    return new PropType(ScalarType.F32, false, nullable, List.of(), dim);
  }

  public boolean isEnum() {
    return !enumValues.isEmpty();
  }

  public boolean isVector() {
    return vectorDim > 0;
  }

  public boolean isBlob() {
    return scalar == ScalarType.BLOB && !list;
  }

  /** A plain (non-list, non-vector) value of {@code scalar}; enums count as String scalars. */
  public boolean isScalar() {
    return !list && !isVector();
  }

  public PropType withNullable(boolean n) {
    return new PropType(scalar, list, n, enumValues, vectorDim);
  }

  /** Same shape ignoring nullability. */
  public boolean sameShape(PropType o) {
    return scalar == o.scalar
        && list == o.list
        && vectorDim == o.vectorDim
        && enumValues.equals(o.enumValues);
  }

  /** The spelling of the base part as used in IR and plans: {@code String}, {@code Vector(8)}. */
  public String baseSpelling() {
    if (isVector()) {
      return "Vector(" + vectorDim + ")";
    }
    return scalar.spelling();
  }

  /** Source spelling, e.g. {@code [String]?}, {@code enum(a, b)}, {@code Vector(3)}. */
  public String render() {
    String core;
    if (isEnum()) {
      core = "enum(" + String.join(", ", enumValues) + ")";
    } else if (list) {
      core = "[" + scalar.spelling() + "]";
    } else {
      core = baseSpelling();
    }
    return nullable ? core + "?" : core;
  }

  @Override
  public String toString() {
    return render();
  }
}
