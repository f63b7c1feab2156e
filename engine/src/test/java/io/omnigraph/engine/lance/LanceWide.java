package io.omnigraph.engine.lance;

import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMilliTZVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Schema;

/** Five-column rows for the cost measurements: id, name, age, score, seen. */
final class LanceWide {
  private LanceWide() {}

  static Schema schema() {
    return new Schema(
        List.of(
            LanceRows.field("id", new ArrowType.Utf8(), false),
            LanceRows.field("name", new ArrowType.Utf8(), true),
            LanceRows.field("age", new ArrowType.Int(32, true), true),
            LanceRows.field(
                "score", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), true),
            LanceRows.field("seen", new ArrowType.Timestamp(TimeUnit.MILLISECOND, "UTC"), true)));
  }

  /** Rows {@code w<from>..w<from+total-1>} in batches of {@code batch}. */
  static ArrowReader rows(BufferAllocator allocator, int from, int total, int batch) {
    return new LanceRows.GeneratedReader(
        allocator,
        schema(),
        total,
        batch,
        (root, offset, n) -> {
          root.allocateNew();
          VarCharVector id = (VarCharVector) root.getVector("id");
          VarCharVector name = (VarCharVector) root.getVector("name");
          IntVector age = (IntVector) root.getVector("age");
          Float8Vector score = (Float8Vector) root.getVector("score");
          TimeStampMilliTZVector seen = (TimeStampMilliTZVector) root.getVector("seen");
          for (int k = 0; k < n; k++) {
            int i = from + offset + k;
            id.setSafe(k, LanceRows.utf8("w" + i));
            name.setSafe(k, LanceRows.utf8("name-" + i));
            age.setSafe(k, i % 100);
            score.setSafe(k, i * 0.25);
            seen.setSafe(k, LanceRows.SEEN_BASE + i);
          }
          root.setRowCount(n);
        });
  }
}
