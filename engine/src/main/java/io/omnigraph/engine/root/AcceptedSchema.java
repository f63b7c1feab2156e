package io.omnigraph.engine.root;

import io.omnigraph.storage.ObjectStore;
import io.omnigraph.storage.ObjectStores;
import java.util.Map;

/**
 * Reads the accepted schema ({@code _schema.pg}) of a graph root without opening its datasets, so
 * {@code schema show} and {@code schema plan} never load Lance.
 */
public final class AcceptedSchema {
  private AcceptedSchema() {}

  /** The accepted {@code .pg} source of the graph at {@code uri}. */
  public static String source(String uri, Map<String, String> env) {
    try (ObjectStore objects = ObjectStores.open(uri, env)) {
      GraphStore store = new GraphStore(objects);
      long v =
          store
              .latestManifestVersion()
              .orElseThrow(
                  () ->
                      new RootException(
                          RootException.Kind.NOT_INITIALIZED,
                          "no graph at "
                              + objects.uri()
                              + " (no manifest); create one with omnigraph init"));
      // the newest manifest's digest names the accepted schema (root copies may lag a crash)
      return new SchemaFiles(store).source(store.readManifest(v).schemaDigest());
    }
  }
}
