package io.omnigraph.engine.load;

import java.util.Locale;

/** The load modes of 04 §2. There is no default: callers must choose. */
public enum LoadMode {
  /** Strict insert: an id that exists (in the graph or earlier in the batch) is a key conflict. */
  APPEND,
  /** Upsert by id: update existing entities, insert new ones; within the batch the last wins. */
  MERGE,
  /** Replace the whole image of every type the batch touches; within the batch the last wins. */
  OVERWRITE;

  /** The lower-case wire spelling ({@code append}, {@code merge}, {@code overwrite}). */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses the wire spelling; throws {@link IllegalArgumentException} naming the choices. */
  public static LoadMode parse(String s) {
    for (LoadMode m : values()) {
      if (m.wire().equals(s)) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "unknown load mode '" + s + "'; use append, merge or overwrite");
  }
}
