package io.omnigraph.engine.lance;

import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/** Documents for the index facts: id, year, a text body and a 16-dimensional embedding. */
final class LanceDocs {
  private LanceDocs() {}

  static final int DIM = 16;
  private static final String[] FIRST = {
    "mountain",
    "river",
    "forest",
    "desert",
    "ocean",
    "valley",
    "island",
    "glacier",
    "canyon",
    "meadow"
  };
  private static final String[] SECOND = {
    "delta", "peak", "trail", "storm", "harbor", "ridge", "spring", "shadow", "bridge", "garden"
  };

  static Schema schema() {
    return new Schema(
        List.of(
            LanceRows.field("id", new ArrowType.Utf8(), false),
            LanceRows.field("year", new ArrowType.Int(32, true), true),
            LanceRows.field("body", new ArrowType.Utf8(), true),
            new Field(
                "emb",
                FieldType.nullable(new ArrowType.FixedSizeList(DIM)),
                List.of(
                    LanceRows.field(
                        "item",
                        new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE),
                        true)))));
  }

  static int year(int i) {
    return 2000 + i % 10;
  }

  /** e.g. "The river and the delta, story number 11" (rows from 5000 on mention a zeppelin). */
  static String body(int i) {
    return "The "
        + FIRST[i % 10]
        + " "
        + SECOND[(i / 10) % 10]
        + " and the story number "
        + i
        + (i >= 5000 ? " with a zeppelin" : "");
  }

  static float[] vector(int i) {
    Random r = new Random(i);
    float[] v = new float[DIM];
    for (int d = 0; d < DIM; d++) {
      v[d] = r.nextFloat();
    }
    return v;
  }

  static ArrowReader docs(BufferAllocator allocator, int from, int total) {
    return new LanceRows.GeneratedReader(
        allocator,
        schema(),
        total,
        1024,
        (root, offset, n) -> {
          root.allocateNew();
          VarCharVector id = (VarCharVector) root.getVector("id");
          IntVector year = (IntVector) root.getVector("year");
          VarCharVector body = (VarCharVector) root.getVector("body");
          FixedSizeListVector emb = (FixedSizeListVector) root.getVector("emb");
          Float4Vector items = (Float4Vector) emb.getDataVector();
          for (int k = 0; k < n; k++) {
            int i = from + offset + k;
            id.setSafe(k, LanceRows.utf8("d" + i));
            year.setSafe(k, year(i));
            body.setSafe(k, LanceRows.utf8(body(i)));
            emb.setNotNull(k);
            float[] v = vector(i);
            for (int d = 0; d < DIM; d++) {
              items.setSafe(k * DIM + d, v[d]);
            }
          }
          root.setRowCount(n);
        });
  }
}
