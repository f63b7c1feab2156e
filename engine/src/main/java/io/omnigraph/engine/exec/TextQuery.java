package io.omnigraph.engine.exec;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An analysed text query against one {@link TextColumn}, deciding whether a row's terms match.
 *
 * <ul>
 *   <li>{@code search}: every query term occurs in the row (AND over the analysed terms);
 *   <li>{@code match_text}: the query terms occur consecutively, in order (a phrase, positions
 *       counted after stop-word removal);
 *   <li>{@code fuzzy}: every query term is within {@code max_edits} Levenshtein edits of some row
 *       term; without {@code max_edits} the allowance follows the term length (0 edits up to 2
 *       characters, 1 up to 5, 2 beyond).
 * </ul>
 *
 * A query with no terms left after analysis (empty, or only stop words) matches nothing.
 */
interface TextQuery {
  TextQuery NOTHING = terms -> false;

  /** Whether a row with these analysed terms matches (null terms = NULL value = no match). */
  boolean matches(int[] terms);

  static TextQuery search(TextColumn col, String q) {
    Set<Integer> ids = new LinkedHashSet<>();
    for (String t : TextAnalyzer.analyze(q)) {
      int id = col.termId(t);
      if (id < 0) {
        return NOTHING;
      }
      ids.add(id);
    }
    if (ids.isEmpty()) {
      return NOTHING;
    }
    int[] want = ids.stream().mapToInt(Integer::intValue).toArray();
    return terms -> terms != null && containsAll(terms, want);
  }

  private static boolean containsAll(int[] terms, int[] want) {
    for (int w : want) {
      if (!has(terms, w)) {
        return false;
      }
    }
    return true;
  }

  private static boolean has(int[] terms, int id) {
    for (int t : terms) {
      if (t == id) {
        return true;
      }
    }
    return false;
  }

  static TextQuery phrase(TextColumn col, String q) {
    List<String> tokens = TextAnalyzer.analyze(q);
    int[] seq = new int[tokens.size()];
    for (int i = 0; i < seq.length; i++) {
      seq[i] = col.termId(tokens.get(i));
      if (seq[i] < 0) {
        return NOTHING;
      }
    }
    return seq.length == 0 ? NOTHING : terms -> terms != null && containsRun(terms, seq);
  }

  private static boolean containsRun(int[] terms, int[] seq) {
    outer:
    for (int start = 0; start + seq.length <= terms.length; start++) {
      for (int j = 0; j < seq.length; j++) {
        if (terms[start + j] != seq[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  /** {@code maxEdits} null = by term length. */
  static TextQuery fuzzy(TextColumn col, String q, Integer maxEdits) {
    List<BitSet> perToken = new ArrayList<>();
    for (String t : new LinkedHashSet<>(TextAnalyzer.analyze(q))) {
      int k = maxEdits != null ? maxEdits : autoEdits(t);
      BitSet near = new BitSet(col.termCount());
      for (int id = 0; id < col.termCount(); id++) {
        if (Levenshtein.within(t, col.term(id), k)) {
          near.set(id);
        }
      }
      if (near.isEmpty()) {
        return NOTHING;
      }
      perToken.add(near);
    }
    return perToken.isEmpty() ? NOTHING : terms -> terms != null && anyOfEach(terms, perToken);
  }

  private static boolean anyOfEach(int[] terms, List<BitSet> perToken) {
    for (BitSet near : perToken) {
      boolean hit = false;
      for (int t : terms) {
        if (near.get(t)) {
          hit = true;
          break;
        }
      }
      if (!hit) {
        return false;
      }
    }
    return true;
  }

  static int autoEdits(String term) {
    int n = term.codePointCount(0, term.length());
    return n <= 2 ? 0 : n <= 5 ? 1 : 2;
  }
}
