package io.omnigraph.engine.load;

import java.util.Arrays;
import java.util.BitSet;

/**
 * The rows of one type staged so far, column-wise: an id per row (a string, or a generated ULID
 * kept as two longs until asked for), one {@code Object[]} per property (values as {@link
 * io.omnigraph.engine.graph.Values}), the input line of each row, and which rows update an entity
 * that exists in the snapshot. Replacing a row (merge/overwrite, last wins) keeps its row number,
 * so endpoint references by row stay valid.
 */
class Stage {
  final TypePlan plan;

  /** Supplied or derived id → row; dropped by {@link #release()} once validation is done. */
  IdIndex index = new IdIndex();

  final BitSet updates = new BitSet();
  final BitSet needsEmbedding = new BitSet();
  final int firstLine;
  int size;
  String[] ids = new String[16];
  long[] genMsb;
  long[] genLsb;
  Object[][] columns;
  int[] lines = new int[16];

  Stage(TypePlan plan, int firstLine) {
    this.plan = plan;
    this.firstLine = firstLine;
    columns = new Object[plan.props.length][16];
  }

  /** Appends a row; {@code id} null means {@code generated} supplies the id. */
  int add(String id, Ulid.Value generated, Object[] values, int line) {
    if (size == lines.length) {
      grow(size + (size >> 1));
    }
    int row = size++;
    ids[row] = id;
    if (id == null) {
      generated(row, generated);
    } else {
      index.put(id, row);
    }
    set(row, values, line);
    return row;
  }

  /** Replaces the values of {@code row} (a later record for the same id). */
  void replace(int row, Object[] values, int line) {
    set(row, values, line);
  }

  private void set(int row, Object[] values, int line) {
    for (int c = 0; c < values.length; c++) {
      columns[c][row] = values[c];
    }
    lines[row] = line;
  }

  private void generated(int row, Ulid.Value v) {
    if (genMsb == null) {
      genMsb = new long[ids.length];
      genLsb = new long[ids.length];
    }
    genMsb[row] = v.msb();
    genLsb[row] = v.lsb();
  }

  void grow(int capacity) {
    ids = Arrays.copyOf(ids, capacity);
    lines = Arrays.copyOf(lines, capacity);
    if (genMsb != null) {
      genMsb = Arrays.copyOf(genMsb, capacity);
      genLsb = Arrays.copyOf(genLsb, capacity);
    }
    for (int c = 0; c < columns.length; c++) {
      columns[c] = Arrays.copyOf(columns[c], capacity);
    }
  }

  /** Frees what only reading and validation need. */
  void release() {
    index = null;
  }

  String id(int row) {
    String s = ids[row];
    return s != null ? s : Ulid.format(genMsb[row], genLsb[row]);
  }

  /** The id if it was supplied or derived (the only ids other records can refer to), else null. */
  String knownId(int row) {
    return ids[row];
  }

  int line(int row) {
    return lines[row];
  }

  Object value(int row, int column) {
    return columns[column][row];
  }
}
