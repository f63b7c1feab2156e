package io.omnigraph.engine.root;

import io.omnigraph.storage.ObjectStore;
import io.omnigraph.storage.StoredObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** The graph root's own files (manifest log, schema, sidecars) over an {@link ObjectStore}. */
final class GraphStore {
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

  /** The highest published manifest version, or empty when none exists. */
  Optional<Long> latestManifestVersion() {
    List<String> keys = store.list(RootLayout.MANIFEST_VERSIONS);
    long best = -1;
    for (String k : keys) {
      best = Math.max(best, RootLayout.manifestVersion(k));
    }
    return best < 0 ? Optional.empty() : Optional.of(best);
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

  /** Publishes a manifest version; false when another writer already published that version. */
  boolean publish(Manifest m) {
    return store.createIfAbsent(RootLayout.manifestKey(m.version()), m.toBytes()).isPresent();
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
