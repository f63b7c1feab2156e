package io.omnigraph.engine.root;

import io.omnigraph.compiler.schema.CompiledSchema;
import io.omnigraph.engine.load.Ulid;
import io.omnigraph.storage.ObjectStore;
import io.omnigraph.storage.ObjectStores;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * Entry points for the cluster control plane: graphs it manages live at {@code
 * <root>/graphs/<id>.omni}, which {@link GraphRoot#init} refuses (04 §1). Observation without Lance
 * is {@link GraphProbe}.
 */
public final class ManagedGraphs {
  private ManagedGraphs() {}

  /**
   * Creates an empty graph at a cluster-managed {@code uri} (only {@code cluster apply} may); same
   * as {@link GraphRoot#init} otherwise. Loads Lance.
   */
  public static Manifest init(
      String uri, CompiledSchema schema, String actor, Map<String, String> env) {
    try (ObjectStore objects = ObjectStores.open(uri, env);
        BufferAllocator allocator = new RootAllocator()) {
      GraphStore store = new GraphStore(objects);
      LanceTables lance = new LanceTables(allocator, ObjectStores.lanceStorageOptions(uri, env));
      return GraphInit.run(store, lance, schema, actor, new Ulid(), false);
    }
  }
}
