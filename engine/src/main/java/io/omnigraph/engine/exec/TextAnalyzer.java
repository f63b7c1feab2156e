package io.omnigraph.engine.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The analyser behind {@code search}, {@code fuzzy}, {@code match_text} and {@code bm25} when no
 * inverted index serves them (00 §Language clarifications 5). Field text and query text go through
 * the same steps:
 *
 * <ol>
 *   <li>split into runs of letters and digits (Unicode; everything else separates tokens);
 *   <li>lower-case ({@link Locale#ROOT});
 *   <li>drop the stop words {@link #STOP_WORDS};
 *   <li>stem with a small suffix stripper ({@link #stem}).
 * </ol>
 */
final class TextAnalyzer {
  /** A short English stop-word list. */
  static final Set<String> STOP_WORDS =
      Set.of(
          "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "if", "in", "into",
          "is", "it", "its", "no", "not", "of", "on", "or", "such", "that", "the", "their", "then",
          "there", "these", "they", "this", "to", "was", "were", "will", "with");

  private TextAnalyzer() {}

  /** The analysed tokens of {@code text}, in order (empty for null). */
  static List<String> analyze(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    int i = 0;
    int n = text.length();
    while (i < n) {
      while (i < n && !Character.isLetterOrDigit(text.codePointAt(i))) {
        i += Character.charCount(text.codePointAt(i));
      }
      int start = i;
      while (i < n && Character.isLetterOrDigit(text.codePointAt(i))) {
        i += Character.charCount(text.codePointAt(i));
      }
      if (i > start) {
        String token = text.substring(start, i).toLowerCase(Locale.ROOT);
        if (!STOP_WORDS.contains(token)) {
          out.add(stem(token));
        }
      }
    }
    return out;
  }

  /**
   * Suffix stripping, applied once, first matching rule wins; words of three letters or fewer are
   * kept: {@code -ies → -y} (studies → study), {@code -sses → -ss}, {@code -s} unless after {@code
   * s}, {@code u} or {@code i} (models → model; class, status, analysis stay), then {@code -ing}
   * and {@code -ed} when at least four letters remain (training → train, trained → train).
   */
  static String stem(String w) {
    if (w.length() <= 3) {
      return w;
    }
    if (w.endsWith("ies") && w.length() > 4) {
      return w.substring(0, w.length() - 3) + "y";
    }
    if (w.endsWith("sses")) {
      return w.substring(0, w.length() - 2);
    }
    if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
      w = w.substring(0, w.length() - 1);
    }
    if (w.endsWith("ing") && w.length() - 3 >= 4) {
      return w.substring(0, w.length() - 3);
    }
    if (w.endsWith("ed") && w.length() - 2 >= 4) {
      return w.substring(0, w.length() - 2);
    }
    return w;
  }
}
