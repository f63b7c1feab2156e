package io.omnigraph.engine.root;

import io.omnigraph.compiler.schema.PropType;
import io.omnigraph.engine.load.StagedEdges;
import io.omnigraph.engine.load.StagedNodes;
import io.omnigraph.engine.load.StagedRows;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Streams the staged rows of one type as Arrow batches of at most {@value #BATCH} rows, in the
 * dataset's schema (filled one batch at a time into the reader's own root).
 */
final class RowsReader extends ArrowReader {
  static final int BATCH = 8192;

  private final Schema schema;
  private final StagedRows rows;
  private final Map<String, PropType> types;
  private int produced;

  /** A reader of {@code rows} in the dataset schema of their node or edge type. */
  static RowsReader of(BufferAllocator allocator, StagedRows rows) {
    Map<String, PropType> types = new LinkedHashMap<>();
    if (rows instanceof StagedEdges e) {
      e.type().properties().values().forEach(p -> types.put(p.name(), p.type()));
      return new RowsReader(allocator, ArrowTypes.edgeSchema(e.type()), rows, types);
    }
    StagedNodes n = (StagedNodes) rows;
    n.type().properties().values().forEach(p -> types.put(p.name(), p.type()));
    return new RowsReader(allocator, ArrowTypes.nodeSchema(n.type()), rows, types);
  }

  private RowsReader(
      BufferAllocator allocator, Schema schema, StagedRows rows, Map<String, PropType> types) {
    super(allocator);
    this.schema = schema;
    this.rows = rows;
    this.types = types;
  }

  @Override
  public boolean loadNextBatch() throws java.io.IOException {
    if (produced >= rows.size()) {
      return false;
    }
    int n = Math.min(BATCH, rows.size() - produced);
    VectorSchemaRoot root = getVectorSchemaRoot();
    root.allocateNew();
    List<FieldVector> vectors = root.getFieldVectors();
    for (FieldVector v : vectors) {
      fill(v, n);
    }
    root.setRowCount(n);
    produced += n;
    return true;
  }

  private void fill(FieldVector v, int n) {
    String name = v.getName();
    for (int k = 0; k < n; k++) {
      int r = produced + k;
      switch (name) {
        case ArrowTypes.ID -> ArrowValues.setString(v, k, rows.id(r));
        case ArrowTypes.SRC -> ArrowValues.setString(v, k, ((StagedEdges) rows).src(r));
        case ArrowTypes.DST -> ArrowValues.setString(v, k, ((StagedEdges) rows).dst(r));
        default -> ArrowValues.set(v, k, rows.value(r, name), types.get(name));
      }
    }
    v.setValueCount(n);
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
