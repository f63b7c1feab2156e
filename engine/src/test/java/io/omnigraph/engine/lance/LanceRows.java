package io.omnigraph.engine.lance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMilliTZVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Test data for the Lance facts: one node-like schema covering every property type the engine maps
 * to Arrow, a deterministic row generator, a streaming {@link ArrowReader} over it, and a reader
 * that turns scan results back into plain Java values.
 */
final class LanceRows {
  private LanceRows() {}

  static final int DIM = 4;

  /** Utf8 id (not null) plus one nullable column per engine property type. */
  static Schema nodeSchema() {
    return new Schema(
        List.of(
            field("id", new ArrowType.Utf8(), false),
            field("name", new ArrowType.Utf8(), true),
            field("age", new ArrowType.Int(32, true), true),
            field("big", new ArrowType.Int(64, true), true),
            field("score", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), true),
            field("active", ArrowType.Bool.INSTANCE, true),
            field("born", new ArrowType.Date(DateUnit.DAY), true),
            field("seen", new ArrowType.Timestamp(TimeUnit.MILLISECOND, "UTC"), true),
            new Field(
                "tags",
                FieldType.nullable(ArrowType.List.INSTANCE),
                List.of(field("item", new ArrowType.Utf8(), true))),
            new Field(
                "emb",
                FieldType.nullable(new ArrowType.FixedSizeList(DIM)),
                List.of(
                    field(
                        "item", new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE), true))),
            field("firstName", new ArrowType.Utf8(), true),
            field("order", new ArrowType.Int(32, true), true)));
  }

  static Field field(String name, ArrowType type, boolean nullable) {
    return new Field(name, nullable ? FieldType.nullable(type) : FieldType.notNullable(type), null);
  }

  static final long SEEN_BASE = 1_700_000_000_000L;
  static final int BORN_BASE = 18_000;

  /** The expected value of row {@code i} (what {@link #write} puts in the vectors). */
  static Map<String, Object> row(int i) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", "n" + i);
    m.put("name", i % 5 == 0 ? null : "name-" + i);
    m.put("age", i % 7 == 0 ? null : i % 100);
    m.put("big", (long) i * 1_000_000_000L);
    m.put("score", i * 0.5);
    m.put("active", i % 2 == 0);
    m.put("born", BORN_BASE + i);
    m.put("seen", SEEN_BASE + i * 1000L);
    m.put("tags", i % 4 == 0 ? null : List.of("t" + (i % 3), "all"));
    m.put("emb", i % 6 == 0 ? null : vector(i));
    m.put("firstName", "F" + i);
    m.put("order", i);
    return m;
  }

  static List<Float> vector(int i) {
    List<Float> v = new ArrayList<>(DIM);
    for (int d = 0; d < DIM; d++) {
      v.add((float) (i + d));
    }
    return v;
  }

  /** Fills {@code root} (node schema) with rows {@code from..from+n-1}. */
  static void write(VectorSchemaRoot root, int from, int n) {
    root.allocateNew();
    VarCharVector id = (VarCharVector) root.getVector("id");
    VarCharVector name = (VarCharVector) root.getVector("name");
    IntVector age = (IntVector) root.getVector("age");
    BigIntVector big = (BigIntVector) root.getVector("big");
    Float8Vector score = (Float8Vector) root.getVector("score");
    BitVector active = (BitVector) root.getVector("active");
    DateDayVector born = (DateDayVector) root.getVector("born");
    TimeStampMilliTZVector seen = (TimeStampMilliTZVector) root.getVector("seen");
    ListVector tags = (ListVector) root.getVector("tags");
    FixedSizeListVector emb = (FixedSizeListVector) root.getVector("emb");
    Float4Vector embItems = (Float4Vector) emb.getDataVector();
    VarCharVector firstName = (VarCharVector) root.getVector("firstName");
    IntVector order = (IntVector) root.getVector("order");
    VarCharVector tagItems = (VarCharVector) tags.getDataVector();
    for (int k = 0; k < n; k++) {
      Map<String, Object> r = row(from + k);
      id.setSafe(k, utf8((String) r.get("id")));
      setString(name, k, (String) r.get("name"));
      if (r.get("age") == null) {
        age.setNull(k);
      } else {
        age.setSafe(k, (Integer) r.get("age"));
      }
      big.setSafe(k, (Long) r.get("big"));
      score.setSafe(k, (Double) r.get("score"));
      active.setSafe(k, ((Boolean) r.get("active")) ? 1 : 0);
      born.setSafe(k, (Integer) r.get("born"));
      seen.setSafe(k, (Long) r.get("seen"));
      @SuppressWarnings("unchecked")
      List<String> tagValues = (List<String>) r.get("tags");
      if (tagValues == null) {
        tags.setNull(k);
      } else {
        int start = tags.startNewValue(k);
        for (int j = 0; j < tagValues.size(); j++) {
          tagItems.setSafe(start + j, utf8(tagValues.get(j)));
        }
        tags.endValue(k, tagValues.size());
      }
      @SuppressWarnings("unchecked")
      List<Float> v = (List<Float>) r.get("emb");
      if (v == null) {
        emb.setNull(k);
      } else {
        emb.setNotNull(k);
        for (int d = 0; d < DIM; d++) {
          embItems.setSafe(k * DIM + d, v.get(d));
        }
      }
      firstName.setSafe(k, utf8((String) r.get("firstName")));
      order.setSafe(k, (Integer) r.get("order"));
    }
    root.setRowCount(n);
  }

  static void setString(VarCharVector v, int k, String s) {
    if (s == null) {
      v.setNull(k);
    } else {
      v.setSafe(k, utf8(s));
    }
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** A streaming reader of node rows {@code from..from+total-1} in batches of {@code batch}. */
  static ArrowReader nodes(BufferAllocator allocator, int from, int total, int batch) {
    return new GeneratedReader(
        allocator, nodeSchema(), total, batch, (root, offset, n) -> write(root, from + offset, n));
  }

  /** Like {@link #nodes} but every {@code name} is {@code prefix + i} (to observe updates). */
  static ArrowReader renamedNodes(BufferAllocator allocator, int from, int total, String prefix) {
    return new GeneratedReader(
        allocator,
        nodeSchema(),
        total,
        total,
        (root, offset, n) -> {
          write(root, from + offset, n);
          VarCharVector name = (VarCharVector) root.getVector("name");
          for (int k = 0; k < n; k++) {
            name.setSafe(k, utf8(prefix + (from + offset + k)));
          }
          root.setRowCount(n);
        });
  }

  /** Fills a root with {@code n} rows starting at the given offset of the stream. */
  @FunctionalInterface
  interface BatchFiller {
    void fill(VectorSchemaRoot root, int offset, int n);
  }

  /**
   * An {@link ArrowReader} that generates its batches on demand into its own root, so writes of any
   * size stream through a bounded amount of Arrow memory.
   */
  static final class GeneratedReader extends ArrowReader {
    private final Schema schema;
    private final int total;
    private final int batch;
    private final BatchFiller filler;
    private int produced;

    GeneratedReader(
        BufferAllocator allocator, Schema schema, int total, int batch, BatchFiller filler) {
      super(allocator);
      this.schema = schema;
      this.total = total;
      this.batch = batch;
      this.filler = filler;
    }

    @Override
    public boolean loadNextBatch() throws IOException {
      if (produced >= total) {
        return false;
      }
      int n = Math.min(batch, total - produced);
      filler.fill(getVectorSchemaRoot(), produced, n);
      produced += n;
      return true;
    }

    @Override
    public long bytesRead() {
      return 0;
    }

    @Override
    protected void closeReadSource() {}

    @Override
    protected Schema readSchema() {
      return schema;
    }
  }

  /** Exports a reader as a C stream (what {@code mergeInsert} and {@code addColumns} take). */
  static ArrowArrayStream stream(BufferAllocator allocator, ArrowReader reader) {
    ArrowArrayStream s = ArrowArrayStream.allocateNew(allocator);
    Data.exportArrayStream(allocator, reader, s);
    return s;
  }

  /** Reads every batch into rows of plain Java values (see {@link #value}). */
  static List<Map<String, Object>> readAll(ArrowReader reader) throws IOException {
    List<Map<String, Object>> out = new ArrayList<>();
    while (reader.loadNextBatch()) {
      VectorSchemaRoot root = reader.getVectorSchemaRoot();
      List<FieldVector> vectors = root.getFieldVectors();
      for (int i = 0; i < root.getRowCount(); i++) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (FieldVector v : vectors) {
          m.put(v.getName(), value(v, i));
        }
        out.add(m);
      }
    }
    return out;
  }

  /**
   * Converts one cell to the Java value {@link #row} uses: Utf8 to String, Date32 to epoch days,
   * Timestamp(ms, tz) to epoch millis, lists to {@code List}; everything else as Arrow returns it.
   */
  static Object value(FieldVector v, int i) {
    if (v.isNull(i)) {
      return null;
    }
    if (v instanceof VarCharVector s) {
      return new String(s.get(i), StandardCharsets.UTF_8);
    }
    if (v instanceof DateDayVector d) {
      return d.get(i);
    }
    if (v instanceof TimeStampMilliTZVector t) {
      return t.get(i);
    }
    if (v instanceof ListVector l) {
      List<Object> out = new ArrayList<>();
      FieldVector data = (FieldVector) l.getDataVector();
      for (int j = l.getElementStartIndex(i); j < l.getElementEndIndex(i); j++) {
        out.add(value(data, j));
      }
      return out;
    }
    if (v instanceof FixedSizeListVector f) {
      List<Object> out = new ArrayList<>();
      FieldVector data = (FieldVector) f.getDataVector();
      int width = f.getListSize();
      for (int j = i * width; j < (i + 1) * width; j++) {
        out.add(value(data, j));
      }
      return out;
    }
    return v.getObject(i);
  }

  /** Rows {@code from..to-1} as {@link #row} maps restricted to {@code columns}. */
  static List<Map<String, Object>> expected(int from, int to, List<String> columns) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      Map<String, Object> full = row(i);
      Map<String, Object> m = new LinkedHashMap<>();
      for (String c : columns) {
        m.put(c, full.get(c));
      }
      out.add(m);
    }
    return out;
  }

  static <T> List<T> generate(int n, IntFunction<T> f) {
    List<T> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(f.apply(i));
    }
    return out;
  }
}
