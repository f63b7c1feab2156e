package io.omnigraph.engine.root;

import io.omnigraph.compiler.schema.PropType;
import io.omnigraph.compiler.schema.ScalarType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.LargeVarBinaryVector;
import org.apache.arrow.vector.TimeStampMilliTZVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.complex.ListVector;

/**
 * Moves runtime values ({@link io.omnigraph.engine.graph.Values}) in and out of the Arrow vectors
 * of {@link ArrowTypes}. Integers travel as {@code Long}, floats as {@code Double}, Date as epoch
 * days ({@code Integer}), DateTime as epoch ms ({@code Long}), vectors as {@code float[]}, blobs as
 * {@code byte[]}.
 */
final class ArrowValues {
  private ArrowValues() {}

  static void setString(FieldVector v, int row, String s) {
    ((VarCharVector) v).setSafe(row, s.getBytes(StandardCharsets.UTF_8));
  }

  static String getString(FieldVector v, int row) {
    return v.isNull(row) ? null : new String(((VarCharVector) v).get(row), StandardCharsets.UTF_8);
  }

  /** Writes a property value (null allowed) at {@code row}. */
  static void set(FieldVector v, int row, Object value, PropType t) {
    if (value == null) {
      setNull(v, row);
    } else if (t.isVector()) {
      FixedSizeListVector f = (FixedSizeListVector) v;
      float[] xs = (float[]) value;
      Float4Vector items = (Float4Vector) f.getDataVector();
      f.setNotNull(row);
      for (int d = 0; d < xs.length; d++) {
        items.setSafe(row * xs.length + d, xs[d]);
      }
    } else if (t.list()) {
      ListVector l = (ListVector) v;
      List<?> xs = (List<?>) value;
      FieldVector items = (FieldVector) l.getDataVector();
      int start = l.startNewValue(row);
      for (int j = 0; j < xs.size(); j++) {
        setScalar(items, start + j, xs.get(j), t.scalar());
      }
      l.endValue(row, xs.size());
    } else {
      setScalar(v, row, value, t.scalar());
    }
  }

  private static void setNull(FieldVector v, int row) {
    if (v instanceof FixedSizeListVector f) {
      f.setNull(row);
      // keep the child sized: a null fixed-size list still occupies its slots
      Float4Vector items = (Float4Vector) f.getDataVector();
      int width = f.getListSize();
      for (int d = 0; d < width; d++) {
        items.setNull(row * width + d);
      }
    } else if (v instanceof ListVector l) {
      l.setNull(row);
    } else if (v instanceof VarCharVector s) {
      s.setNull(row);
    } else if (v instanceof LargeVarBinaryVector b) {
      b.setNull(row);
    } else if (v instanceof BitVector b) {
      b.setNull(row);
    } else if (v instanceof IntVector i) {
      i.setNull(row);
    } else if (v instanceof BigIntVector i) {
      i.setNull(row);
    } else if (v instanceof Float4Vector f) {
      f.setNull(row);
    } else if (v instanceof Float8Vector f) {
      f.setNull(row);
    } else if (v instanceof DateDayVector d) {
      d.setNull(row);
    } else if (v instanceof TimeStampMilliTZVector t) {
      t.setNull(row);
    } else {
      throw new IllegalStateException("unsupported vector " + v.getClass().getSimpleName());
    }
  }

  private static void setScalar(FieldVector v, int row, Object value, ScalarType s) {
    if (value == null) {
      setNull(v, row);
      return;
    }
    switch (s) {
      case STRING -> setString(v, row, (String) value);
      case BLOB -> ((LargeVarBinaryVector) v).setSafe(row, (byte[]) value);
      case BOOL -> ((BitVector) v).setSafe(row, ((Boolean) value) ? 1 : 0);
      case I32 -> ((IntVector) v).setSafe(row, ((Number) value).intValue());
      case I64, U32, U64 -> ((BigIntVector) v).setSafe(row, ((Number) value).longValue());
      case F32 -> ((Float4Vector) v).setSafe(row, ((Number) value).floatValue());
      case F64 -> ((Float8Vector) v).setSafe(row, ((Number) value).doubleValue());
      case DATE -> ((DateDayVector) v).setSafe(row, ((Number) value).intValue());
      case DATETIME -> ((TimeStampMilliTZVector) v).setSafe(row, ((Number) value).longValue());
    }
  }

  /** Reads a property value at {@code row} in its runtime representation (null when null). */
  static Object get(FieldVector v, int row, PropType t) {
    if (v.isNull(row)) {
      return null;
    }
    if (t.isVector()) {
      FixedSizeListVector f = (FixedSizeListVector) v;
      Float4Vector items = (Float4Vector) f.getDataVector();
      int width = f.getListSize();
      float[] xs = new float[width];
      for (int d = 0; d < width; d++) {
        xs[d] = items.get(row * width + d);
      }
      return xs;
    }
    if (t.list()) {
      ListVector l = (ListVector) v;
      FieldVector items = (FieldVector) l.getDataVector();
      List<Object> out = new ArrayList<>();
      for (int j = l.getElementStartIndex(row); j < l.getElementEndIndex(row); j++) {
        out.add(getScalar(items, j, t.scalar()));
      }
      return out;
    }
    return getScalar(v, row, t.scalar());
  }

  private static Object getScalar(FieldVector v, int row, ScalarType s) {
    if (v.isNull(row)) {
      return null;
    }
    return switch (s) {
      case STRING -> getString(v, row);
      case BLOB -> ((LargeVarBinaryVector) v).get(row);
      case BOOL -> ((BitVector) v).get(row) != 0;
      case I32 -> (long) ((IntVector) v).get(row);
      case I64, U32, U64 -> ((BigIntVector) v).get(row);
      case F32 -> (double) ((Float4Vector) v).get(row);
      case F64 -> ((Float8Vector) v).get(row);
      case DATE -> ((DateDayVector) v).get(row);
      case DATETIME -> ((TimeStampMilliTZVector) v).get(row);
    };
  }
}
