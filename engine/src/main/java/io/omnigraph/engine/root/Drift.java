package io.omnigraph.engine.root;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lance.Dataset;
import org.lance.Transaction;
import org.lance.operation.Restore;

/**
 * Uncovered drift of a published table (04 §8): its Lance head is ahead of the version the manifest
 * pins. A head whose last operation restores the pinned version (a rolled-back write, see {@link
 * Recovery}) holds exactly the pinned rows and is not drift.
 */
final class Drift {
  /** Operation names of versions that only rearrange data (what {@code repair} may publish). */
  static final List<String> MAINTENANCE_OPS = List.of("ReserveFragments", "Rewrite");

  /** The pin and the Lance head of one table. */
  record State(TablePin pin, long head, boolean drifted) {}

  private Drift() {}

  static State of(LanceTables lance, GraphStore store, TablePin pin) {
    LanceTables.Loc loc = store.tableUri(pin);
    long head = lance.latestVersion(loc);
    if (head == pin.version()) {
      return new State(pin, head, false);
    }
    boolean restoredToPin = false;
    if (head > pin.version()) {
      try (Dataset h = lance.open(loc, head)) {
        restoredToPin =
            h.readTransaction()
                .map(Transaction::operation)
                .filter(op -> op instanceof Restore r && r.version() == pin.version())
                .isPresent();
      }
    }
    return new State(pin, head, !restoredToPin);
  }

  /**
   * The operation of every version after the pin up to the head, oldest first; an empty optional
   * for a version whose transaction cannot be read (missing history).
   */
  static List<Optional<String>> operations(LanceTables lance, GraphStore store, State s) {
    LanceTables.Loc loc = store.tableUri(s.pin());
    List<Optional<String>> out = new ArrayList<>();
    for (long v = s.pin().version() + 1; v <= s.head(); v++) {
      Optional<String> op;
      try (Dataset d = lance.open(loc, v)) {
        op = d.readTransaction().map(t -> t.operation().name());
      } catch (RuntimeException e) {
        op = Optional.empty();
      }
      out.add(op);
    }
    return out;
  }
}
