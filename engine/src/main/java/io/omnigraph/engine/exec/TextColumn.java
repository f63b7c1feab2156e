package io.omnigraph.engine.exec;

import io.omnigraph.engine.graph.NodeTable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One String column analysed by {@link TextAnalyzer}: a term dictionary, each row's term sequence
 * (null for NULL values), document frequencies and the average document length over the rows with a
 * value. This is what BM25 statistics are computed from (the node type's rows at the snapshot).
 */
final class TextColumn {
  private final Map<String, Integer> dictionary;
  private final String[] terms;
  private final int[][] rows;
  private final int[] docFreq;
  private final int docs;
  private final double avgLength;

  private TextColumn(
      Map<String, Integer> dictionary,
      String[] terms,
      int[][] rows,
      int[] docFreq,
      int docs,
      double avgLength) {
    this.dictionary = dictionary;
    this.terms = terms;
    this.rows = rows;
    this.docFreq = docFreq;
    this.docs = docs;
    this.avgLength = avgLength;
  }

  static TextColumn build(NodeTable t, int column) {
    Map<String, Integer> dict = new HashMap<>();
    int[][] rows = new int[t.size()][];
    long totalLength = 0;
    int docs = 0;
    for (int r = 0; r < t.size(); r++) {
      Object v = t.value(r, column);
      if (v instanceof String s) {
        List<String> tokens = TextAnalyzer.analyze(s);
        int[] ids = new int[tokens.size()];
        for (int i = 0; i < ids.length; i++) {
          ids[i] = dict.computeIfAbsent(tokens.get(i), k -> dict.size());
        }
        rows[r] = ids;
        totalLength += ids.length;
        docs++;
      }
    }
    String[] terms = new String[dict.size()];
    dict.forEach((k, v) -> terms[v] = k);
    int[] df = documentFrequencies(rows, terms.length);
    double avg = docs == 0 ? 0 : (double) totalLength / docs;
    return new TextColumn(dict, terms, rows, df, docs, avg);
  }

  private static int[] documentFrequencies(int[][] rows, int termCount) {
    int[] df = new int[termCount];
    int[] lastSeen = new int[termCount];
    java.util.Arrays.fill(lastSeen, -1);
    for (int r = 0; r < rows.length; r++) {
      if (rows[r] == null) {
        continue;
      }
      for (int id : rows[r]) {
        if (lastSeen[id] != r) {
          lastSeen[id] = r;
          df[id]++;
        }
      }
    }
    return df;
  }

  /** The term id of an analysed token, or -1 when no row contains it. */
  int termId(String token) {
    Integer id = dictionary.get(token);
    return id == null ? -1 : id;
  }

  int termCount() {
    return terms.length;
  }

  String term(int id) {
    return terms[id];
  }

  /** The row's analysed terms in order, or null when its value is NULL. */
  int[] row(int row) {
    return rows[row];
  }

  int docFreq(int term) {
    return docFreq[term];
  }

  /** Rows with a non-null value. */
  int docs() {
    return docs;
  }

  double avgLength() {
    return avgLength;
  }
}
