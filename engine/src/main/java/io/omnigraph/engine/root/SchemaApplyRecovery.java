package io.omnigraph.engine.root;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Resolves the intents of interrupted schema applies ({@code kind: "schema_apply"} sidecars), at
 * the start of every write. Published (main's head is the intent's commit): finish it — refresh the
 * root schema copies, run the recorded hard drops, delete the intent (roll forward). Not published:
 * restore every table it names whose head moved past its base version, delete the datasets it
 * created, publish a manifest without the {@value SchemaApply#LOCK} branch, delete the intent (roll
 * back; the old schema never stopped being effective). Staleness is judged like load intents
 * ({@link Recovery}): a dead owner on this host, this process, or older than the grace period.
 */
final class SchemaApplyRecovery {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SchemaApplyRecovery() {}

  static int run(GraphStore store, LanceTables lance, SchemaFiles files, long graceMicros) {
    int resolved = 0;
    for (String key : store.objects().list(RootLayout.RECOVERY)) {
      JsonNode intent = read(store, key);
      if (intent == null || !SchemaApply.KIND.equals(intent.path("kind").asText())) {
        continue;
      }
      if (!Recovery.abandoned(intent, graceMicros)) {
        continue;
      }
      Manifest m = latest(store);
      Manifest.BranchState main = m.branches().get("main");
      if (main != null && intent.path("write_id").asText().equals(main.headCommit())) {
        finish(store, lance, files, m, intent, key);
      } else {
        rollBack(store, lance, intent);
        store.objects().delete(key);
      }
      resolved++;
    }
    return resolved;
  }

  /** After the publish: root schema copies, hard drops, then the intent goes. */
  static void finish(
      GraphStore store,
      LanceTables lance,
      SchemaFiles files,
      Manifest published,
      JsonNode intent,
      String sidecar) {
    files.syncRoot(published.schemaDigest());
    LanceSchemaOps ops = new LanceSchemaOps(lance);
    for (JsonNode h : intent.path("hard")) {
      String path = h.path("path").asText();
      if (h.path("whole_dataset").asBoolean()) {
        store.objects().deletePrefix(path + "/");
      } else {
        TablePin pin = published.branch("main").tables().get(h.path("key").asText());
        if (pin != null && pin.path().equals(path)) {
          ops.cleanupBefore(store.tableUri(pin), pin.version());
        }
      }
    }
    store.objects().delete(sidecar);
  }

  /** Restores moved tables, deletes created datasets and releases the lock branch. */
  static void rollBack(GraphStore store, LanceTables lance, JsonNode intent) {
    intent
        .path("tables")
        .fields()
        .forEachRemaining(
            e -> {
              JsonNode t = e.getValue();
              long base = t.path("base_version").asLong();
              LanceTables.Loc loc =
                  store.tableUri(
                      new TablePin(t.path("path").asText(), Commit.text(t, "lance_branch"), base));
              if (lance.latestVersion(loc) > base) {
                lance.restore(loc, base);
              }
            });
    for (JsonNode p : intent.path("created")) {
      store.objects().deletePrefix(p.asText() + "/");
    }
    unlock(store);
  }

  /** Publishes the newest manifest without the lock branch (if it has one). */
  static void unlock(GraphStore store) {
    for (int attempt = 0; attempt < 5; attempt++) {
      Manifest m = latest(store);
      if (!m.branches().containsKey(SchemaApply.LOCK)) {
        return;
      }
      Map<String, Manifest.BranchState> branches = new TreeMap<>(m.branches());
      branches.remove(SchemaApply.LOCK);
      if (store.publish(new Manifest(m.version() + 1, m.schemaDigest(), branches, null))) {
        return;
      }
    }
    throw new RootException(
        RootException.Kind.PUBLISH_CONFLICT,
        "could not release the " + SchemaApply.LOCK + " lock: other writers kept publishing");
  }

  private static Manifest latest(GraphStore store) {
    long v =
        store
            .latestManifestVersion()
            .orElseThrow(() -> new RootException(RootException.Kind.CORRUPT, "manifest vanished"));
    return store.readManifest(v);
  }

  private static JsonNode read(GraphStore store, String key) {
    if (!key.endsWith(".json")) {
      return null;
    }
    try {
      var o = store.objects().get(key);
      return o.isEmpty() ? null : JSON.readTree(o.get().bytes());
    } catch (IOException e) {
      throw new RootException(RootException.Kind.CORRUPT, "unreadable write intent " + key, e);
    }
  }
}
