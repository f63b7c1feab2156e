package io.omnigraph.engine.root;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnigraph.storage.ObjectStore;
import io.omnigraph.storage.StorageException;
import io.omnigraph.storage.StoredObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** The graph root's own files (manifest log, schema, sidecars) over an {@link ObjectStore}. */
final class GraphStore {
  private static final ObjectMapper HINT_JSON = new ObjectMapper();
  private final ObjectStore store;

  GraphStore(ObjectStore store) {
    this.store = store;
  }

  ObjectStore objects() {
    return store;
  }

  String uri() {
    return store.uri();
  }

  /** The URI Lance opens for a dataset path under the root. */
  String datasetUri(String path) {
    return store.uriOf(path);
  }

  /** Where Lance finds a pinned table: its dataset and Lance branch. */
  LanceTables.Loc tableUri(TablePin pin) {
    return new LanceTables.Loc(datasetUri(pin.path()), pin.lanceBranch());
  }

  /**
   * The highest published manifest version, or empty when none exists. Starts from the {@code
   * __manifest/latest.json} hint and probes upward until a version is absent; lists the manifest
   * log only when the hint is missing, unreadable or names a version that does not exist.
   */
  Optional<Long> latestManifestVersion() {
    long hint = readHint();
    if (hint > 0 && store.exists(RootLayout.manifestKey(hint))) {
      long v = hint;
      while (store.exists(RootLayout.manifestKey(v + 1))) {
        v++;
      }
      return Optional.of(v);
    }
    return listedLatestVersion();
  }

  /** The highest version by listing {@code __manifest/v/} (the truth the hint shortcuts). */
  Optional<Long> listedLatestVersion() {
    List<String> keys = store.list(RootLayout.MANIFEST_VERSIONS);
    long best = -1;
    for (String k : keys) {
      best = Math.max(best, RootLayout.manifestVersion(k));
    }
    return best < 0 ? Optional.empty() : Optional.of(best);
  }

  boolean manifestExists(long version) {
    return version > 0 && store.exists(RootLayout.manifestKey(version));
  }

  /** The version the hint names, or -1 when it is absent or unreadable. */
  private long readHint() {
    try {
      Optional<StoredObject> o = store.get(RootLayout.MANIFEST_LATEST);
      if (o.isEmpty()) {
        return -1;
      }
      JsonNode n = HINT_JSON.readTree(o.get().bytes());
      JsonNode v = n == null ? null : n.get("graph_manifest_version");
      return v != null && v.canConvertToLong() ? v.asLong() : -1;
    } catch (IOException | StorageException e) {
      return -1; // a hint only: fall back to listing
    }
  }

  /** Best-effort plain put of the hint after a publish; a failure only costs a later listing. */
  private void writeHint(long version) {
    try {
      store.put(
          RootLayout.MANIFEST_LATEST,
          ("{\"graph_manifest_version\": " + version + "}\n").getBytes(StandardCharsets.UTF_8));
    } catch (StorageException e) {
      // ignored: readers probe upward from an older hint or list
    }
  }

  Manifest readManifest(long version) {
    StoredObject o =
        store
            .get(RootLayout.manifestKey(version))
            .orElseThrow(
                () ->
                    new RootException(
                        RootException.Kind.CORRUPT, "manifest version " + version + " vanished"));
    return Manifest.parse(o.bytes());
  }

  /** The manifest {@code version}, or empty when it does not exist (e.g. removed by cleanup). */
  Optional<Manifest> findManifest(long version) {
    return store.get(RootLayout.manifestKey(version)).map(o -> Manifest.parse(o.bytes()));
  }

  /** The lowest manifest version still stored (cleanup removes older ones), by listing. */
  Optional<Long> oldestManifestVersion() {
    long best = Long.MAX_VALUE;
    for (String k : store.list(RootLayout.MANIFEST_VERSIONS)) {
      long v = RootLayout.manifestVersion(k);
      if (v > 0) {
        best = Math.min(best, v);
      }
    }
    return best == Long.MAX_VALUE ? Optional.empty() : Optional.of(best);
  }

  /** Publishes a manifest version; false when another writer already published that version. */
  boolean publish(Manifest m) {
    boolean won =
        store.createIfAbsent(RootLayout.manifestKey(m.version()), m.toBytes()).isPresent();
    if (won) {
      writeHint(m.version());
    }
    return won;
  }

  String readText(String key) {
    return store
        .get(key)
        .map(StoredObject::utf8)
        .orElseThrow(
            () -> new RootException(RootException.Kind.CORRUPT, "missing " + key + " in graph"));
  }

  void put(String key, String text) {
    store.put(key, text.getBytes(StandardCharsets.UTF_8));
  }

  boolean exists(String key) {
    return store.exists(key);
  }
}
