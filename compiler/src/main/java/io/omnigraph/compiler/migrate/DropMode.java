package io.omnigraph.compiler.migrate;

import java.util.Locale;

/**
 * How a {@code drop_type}/{@code drop_property} step removes data (spec 02 §8). The planner always
 * emits {@link #SOFT}; {@code --allow-data-loss} promotes drops to {@link #HARD}.
 */
public enum DropMode {
  /** Tombstone in the catalog; older manifest versions keep the data until {@code cleanup}. */
  SOFT,
  /** Old versions of the affected data are garbage-collected right after publish. */
  HARD;

  /** {@code soft} or {@code hard}, as in plan JSON. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
