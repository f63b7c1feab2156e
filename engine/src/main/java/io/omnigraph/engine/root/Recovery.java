package io.omnigraph.engine.root;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.util.Iterator;
import java.util.Map;

/**
 * Resolves write intents left by an interrupted load ({@code __recovery/<ULID>.json}) before the
 * next write. A write whose commit is the head of its branch was published: the sidecar is just
 * deleted. Otherwise it is rolled back: every table it names whose Lance head moved past its base
 * version is restored to that version (Lance {@code restore}: a new head with the base's rows), so
 * later writes, which Lance rebases onto the head, never pick up the orphaned rows — unless the
 * intent records a complete write ({@link LoadRollForward}): then it is published instead. Sidecars
 * younger than a grace period (default 10 minutes) may belong to a live writer in another process
 * and are left alone, unless their {@code owner} (host + pid, written by {@link GraphLoad}) names
 * this host and a process that is no longer alive, or this very process (which holds the per-root
 * write lock, so its own sidecars are abandoned): those are resolved at once. A live writer's moved
 * tables make this write fail with {@code read_set_conflict} instead. A leftover {@code
 * __init_claim.json} next to a published manifest (init crashed after publishing) is deleted.
 */
final class Recovery {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HOST = hostName();

  private Recovery() {}

  /** Returns how many sidecars were resolved. */
  static int run(GraphStore store, LanceTables lance, Manifest current, long graceMicros) {
    // interrupted schema applies first (every write path calls this); they never move a branch
    // head, so `current` stays valid for the load intents below
    SchemaApplyRecovery.run(store, lance, new SchemaFiles(store), graceMicros);
    if (store.exists(RootLayout.INIT_CLAIM)) {
      store.objects().delete(RootLayout.INIT_CLAIM); // a manifest exists: that init published
    }
    int resolved = 0;
    for (String key : store.objects().list(RootLayout.RECOVERY)) {
      if (!key.endsWith(".json")) {
        continue;
      }
      JsonNode intent = read(store, key);
      if (intent != null && SchemaApply.KIND.equals(intent.path("kind").asText())) {
        continue; // SchemaApplyRecovery's
      }
      if (intent != null && !abandoned(intent, graceMicros)) {
        continue; // possibly a live write of another process: leave it alone
      }
      if (intent != null
          && !published(current, intent)
          && !LoadRollForward.publish(store, lance, intent)) {
        rollBack(store, lance, intent.path("tables"));
      }
      store.objects().delete(key);
      resolved++;
    }
    return resolved;
  }

  /** The writer identity recorded in a write intent: this host and process. */
  static ObjectNode owner() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("host", HOST);
    o.put("pid", ProcessHandle.current().pid());
    return o;
  }

  /**
   * Whether the writer of {@code intent} is gone: older than the grace period, or its owner is a
   * dead process on this host or this very process.
   */
  static boolean abandoned(JsonNode intent, long graceMicros) {
    return Clock.micros() - intent.path("created_at").asLong() >= graceMicros
        || ownerGone(intent.path("owner"));
  }

  private static boolean ownerGone(JsonNode owner) {
    if (!owner.has("pid") || HOST.isEmpty() || !HOST.equals(owner.path("host").asText())) {
      return false; // unknown or remote writer: only the grace period tells
    }
    long pid = owner.path("pid").asLong();
    return pid == ProcessHandle.current().pid()
        || ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  private static JsonNode read(GraphStore store, String key) {
    try {
      return store.objects().get(key).isEmpty()
          ? null
          : JSON.readTree(store.objects().get(key).get().bytes());
    } catch (IOException e) {
      throw new RootException(RootException.Kind.CORRUPT, "unreadable write intent " + key, e);
    }
  }

  private static boolean published(Manifest m, JsonNode intent) {
    Manifest.BranchState b = m.branches().get(intent.path("graph_branch").asText());
    // a fast-forward merge publishes no commit of its own: its intent names the head it sets
    String head = intent.hasNonNull("head") ? intent.get("head").asText() : null;
    return b != null
        && (intent.path("write_id").asText().equals(b.headCommit())
            || (head != null && head.equals(b.headCommit())));
  }

  private static void rollBack(GraphStore store, LanceTables lance, JsonNode tables) {
    for (Iterator<Map.Entry<String, JsonNode>> it = tables.fields(); it.hasNext(); ) {
      JsonNode t = it.next().getValue();
      long base = t.path("base_version").asLong();
      LanceTables.Loc uri =
          store.tableUri(
              new TablePin(t.path("path").asText(), Commit.text(t, "lance_branch"), base));
      try {
        if (lance.latestVersion(uri) > base) {
          lance.restore(uri, base);
        }
      } catch (Exception e) { // Lance's JNI also throws undeclared IOExceptions
        if (Commit.text(t, "lance_branch") == null) {
          throw e;
        }
        // the lazy fork never happened: nothing to roll back (a later fork replaces leftovers)
      }
    }
  }
}
