package io.omnigraph.engine.root;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;

/**
 * Roll-forward of a load whose table writes all landed but whose manifest was never published.
 * After its last table write, {@link GraphLoad} rewrites its intent with the manifest it is about
 * to publish ({@value #FIELD}). Recovery publishes that manifest instead of rolling back when (1)
 * the newest manifest is still the load's base (nobody published since) and (2) every table the
 * manifest pins for the load's branch is at exactly its recorded version on its Lance branch (the
 * Lance head equals the pin; nothing was restored or written on top). Otherwise, or when the
 * publish race is lost, the load is rolled back as before.
 */
final class LoadRollForward {
  static final String FIELD = "roll_forward";
  private static final ObjectMapper JSON = new ObjectMapper();

  private LoadRollForward() {}

  static JsonNode json(Manifest next) {
    try {
      return JSON.readTree(next.toBytes());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Publishes the recorded manifest if the conditions hold; true when it is now published. */
  static boolean publish(GraphStore store, LanceTables lance, JsonNode intent) {
    JsonNode recorded = intent.get(FIELD);
    if (recorded == null || !recorded.isObject()) {
      return false;
    }
    Manifest next;
    try {
      next = Manifest.parse(JSON.writeValueAsBytes(recorded));
    } catch (IOException | RootException e) {
      return false;
    }
    long latest = store.latestManifestVersion().orElse(-1L);
    if (latest != next.version() - 1) {
      return false;
    }
    Manifest.BranchState b = next.branches().get(intent.path("graph_branch").asText());
    if (b == null) {
      return false;
    }
    for (Map.Entry<String, JsonNode> t :
        (Iterable<Map.Entry<String, JsonNode>>) () -> intent.path("tables").fields()) {
      TablePin pin = b.tables().get(t.getKey());
      if (pin == null || !landed(store, lance, pin)) {
        return false;
      }
    }
    return store.publish(next);
  }

  private static boolean landed(GraphStore store, LanceTables lance, TablePin pin) {
    try {
      return lance.latestVersion(store.tableUri(pin)) == pin.version();
    } catch (RuntimeException e) {
      return false; // e.g. a fork that never happened
    }
  }
}
