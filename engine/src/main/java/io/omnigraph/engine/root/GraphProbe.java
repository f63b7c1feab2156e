package io.omnigraph.engine.root;

import io.omnigraph.storage.ObjectStore;
import io.omnigraph.storage.ObjectStores;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Observes a graph root through the object store only: never loads Lance or Arrow. */
public final class GraphProbe {
  private GraphProbe() {}

  /**
   * What a graph root holds, read through the object store only (no Lance): whether anything exists
   * under it, the newest manifest version, the accepted schema source and the public branches at
   * that version. {@code error} is set (and the other fields may be null) when the root exists but
   * is not a readable graph.
   */
  public record Result(
      boolean exists,
      Long manifestVersion,
      String schemaSource,
      List<String> branches,
      String error) {
    public boolean opens() {
      return exists && error == null;
    }
  }

  /** Observes the graph root at {@code uri} without opening any dataset. */
  public static Result probe(String uri, Map<String, String> env) {
    try (ObjectStore objects = ObjectStores.open(uri, env)) {
      GraphStore store = new GraphStore(objects);
      Optional<Long> v;
      try {
        v = store.latestManifestVersion();
      } catch (RuntimeException e) {
        return new Result(true, null, null, null, "unreadable manifest log: " + e.getMessage());
      }
      if (v.isEmpty()) {
        boolean any = !objects.list("").isEmpty();
        return any
            ? new Result(true, null, null, null, "the root holds files but no published manifest")
            : new Result(false, null, null, null, null);
      }
      try {
        Manifest m = store.readManifest(v.get());
        String source = new SchemaFiles(store).source(m.schemaDigest());
        List<String> branches =
            m.branches().keySet().stream().filter(b -> !b.startsWith("__")).sorted().toList();
        return new Result(true, v.get(), source, branches, null);
      } catch (RuntimeException e) {
        return new Result(true, v.get(), null, null, e.getMessage());
      }
    }
  }
}
