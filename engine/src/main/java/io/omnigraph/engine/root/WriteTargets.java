package io.omnigraph.engine.root;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The tables one write ({@link GraphLoad}, {@link GraphWrite}) touches on one graph branch: where
 * each is pinned now (its source) and where it is written (its target: the same pin when the table
 * already lives on the branch's Lance branch, else a fork made lazily at the source pin). A target
 * that is its source must still be at its pinned version, or the write is refused before any
 * effect. Also the parts both writes share: the intent sidecar's common fields and the roll-back of
 * the tables written so far.
 */
final class WriteTargets {
  private final GraphStore store;
  private final LanceTables lance;
  private final String lanceBranch;
  private final Map<String, TablePin> sources = new LinkedHashMap<>();
  private final Map<String, TablePin> targets = new LinkedHashMap<>();

  private WriteTargets(GraphStore store, LanceTables lance, String branch) {
    this.store = store;
    this.lance = lance;
    // The Lance branch this graph branch writes on (null = Lance main).
    this.lanceBranch = "main".equals(branch) ? null : branch;
  }

  /** Pins the tables {@code keys} of {@code state} (the branch {@code branch}) for one write. */
  static WriteTargets of(
      GraphStore store,
      LanceTables lance,
      Manifest.BranchState state,
      String branch,
      Collection<String> keys) {
    WriteTargets w = new WriteTargets(store, lance, branch);
    for (String key : keys) {
      TablePin pin = state.tables().get(key);
      w.sources.put(key, pin);
      if (Objects.equals(pin.lanceBranch(), w.lanceBranch)) {
        lance.checkHead(store.tableUri(pin), pin.version());
        w.targets.put(key, pin);
      } else {
        w.targets.put(key, new TablePin(pin.path(), w.lanceBranch, pin.version()));
      }
    }
    return w;
  }

  /** The pin {@code key} is written at, forking the table onto the branch first when needed. */
  TablePin open(String key) {
    TablePin pin = targets.get(key);
    if (pin != sources.get(key)) {
      lance.fork(store.datasetUri(pin.path()), sources.get(key), lanceBranch);
    }
    return pin;
  }

  /** Undoes the writes to {@code done}: restores a table written in place, drops a new fork. */
  void rollBack(Collection<String> done) {
    for (String key : done) {
      TablePin pin = targets.get(key);
      if (pin == sources.get(key)) {
        lance.restore(store.tableUri(pin), pin.version());
      } else {
        lance.deleteBranch(store.datasetUri(pin.path()), pin.lanceBranch()); // an unpublished fork
      }
    }
  }

  /** The intent sidecar's fields common to loads and writes ({@link Recovery} reads them). */
  ObjectNode intent(String writeId, Manifest base, String branch) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("write_id", writeId);
    o.put("graph_branch", branch);
    o.put("base_manifest_version", base.version());
    o.put("created_at", Clock.micros());
    o.set("owner", Recovery.owner());
    ObjectNode tables = o.putObject("tables");
    for (Map.Entry<String, TablePin> t : targets.entrySet()) {
      TablePin pin = t.getValue();
      tables
          .putObject(t.getKey())
          .put("path", pin.path())
          .put("lance_branch", pin.lanceBranch())
          .put("base_version", pin.version());
    }
    return o;
  }
}
