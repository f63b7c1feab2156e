package io.omnigraph.engine.root;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.compiler.schema.CompiledSchema;
import io.omnigraph.compiler.schema.EdgeType;
import io.omnigraph.compiler.schema.NodeType;
import io.omnigraph.engine.failpoint.Failpoints;
import io.omnigraph.engine.load.Ulid;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code init} (04 §1): refuse an initialized root, claim it with {@code __init_claim.json}, write
 * the schema files, create one empty dataset per type, publish manifest version 1 (the genesis
 * commit, parentless), release the claim.
 */
final class GraphInit {
  private GraphInit() {}

  static Manifest run(
      GraphStore store,
      LanceTables lance,
      CompiledSchema schema,
      String actor,
      Ulid ulid,
      boolean force) {
    if (force && store.objects().list(RootLayout.MANIFEST_DIR).isEmpty()) {
      clearLeftovers(store);
    }
    refuseInitialized(store);
    String claimId = ulid.next();
    ObjectNode claim = JsonNodeFactory.instance.objectNode();
    claim.put("claim_id", claimId);
    claim.put("created_at", Clock.micros());
    if (store
        .objects()
        .createIfAbsent(RootLayout.INIT_CLAIM, claim.toString().getBytes(StandardCharsets.UTF_8))
        .isEmpty()) {
      throw claimed(store);
    }
    Failpoints.hit(Failpoints.INIT_AFTER_CLAIM);
    Manifest genesis;
    try {
      genesis = build(store, lance, schema, actor, ulid);
    } catch (RuntimeException e) {
      store.objects().delete(RootLayout.INIT_CLAIM); // nothing was published: release the claim
      throw e;
    }
    Failpoints.hit(Failpoints.INIT_BEFORE_PUBLISH);
    boolean won;
    try {
      won = store.publish(genesis);
    } catch (RuntimeException e) {
      throw new RootException(
          RootException.Kind.INITIALIZATION_INDETERMINATE,
          "InitializationIndeterminate: publishing the genesis manifest of "
              + store.uri()
              + " failed with an unknown outcome ("
              + e.getMessage()
              + "); the init claim is retained",
          e);
    }
    if (!won) {
      throw new RootException(
          RootException.Kind.ALREADY_INITIALIZED,
          "AlreadyInitialized: " + store.uri() + " was initialized concurrently");
    }
    Failpoints.hit(Failpoints.INIT_AFTER_PUBLISH);
    store.objects().delete(RootLayout.INIT_CLAIM);
    return genesis;
  }

  /**
   * {@code --force} without a manifest: removes what an earlier, unpublished init left behind (its
   * claim, schema files and unreferenced table datasets), spec 04 §1.
   */
  private static void clearLeftovers(GraphStore store) {
    store.objects().delete(RootLayout.INIT_CLAIM);
    for (String k :
        new String[] {RootLayout.SCHEMA_PG, RootLayout.SCHEMA_IR, RootLayout.SCHEMA_STATE}) {
      store.objects().delete(k);
    }
    store.objects().deletePrefix("nodes/");
    store.objects().deletePrefix("edges/");
  }

  private static RootException claimed(GraphStore store) {
    return new RootException(
        RootException.Kind.INITIALIZATION_CLAIMED,
        "InitializationClaimed: another init holds "
            + store.datasetUri(RootLayout.INIT_CLAIM)
            + " (if that init is known to be dead, run init --force)");
  }

  /**
   * A manifest (or schema files without a claim) means an initialized graph; a claim without a
   * manifest means an init in progress or interrupted (spec 04 §1), whatever else it left behind.
   */
  private static void refuseInitialized(GraphStore store) {
    boolean manifest = !store.objects().list(RootLayout.MANIFEST_DIR).isEmpty();
    if (!manifest && store.exists(RootLayout.INIT_CLAIM)) {
      throw claimed(store);
    }
    for (String k :
        new String[] {RootLayout.SCHEMA_PG, RootLayout.SCHEMA_IR, RootLayout.SCHEMA_STATE}) {
      manifest = manifest || store.exists(k);
    }
    if (manifest) {
      throw new RootException(
          RootException.Kind.ALREADY_INITIALIZED,
          "AlreadyInitialized: "
              + store.uri()
              + " already holds a graph (a manifest or schema files); an initialized graph is"
              + " never replaced");
    }
  }

  private static Manifest build(
      GraphStore store, LanceTables lance, CompiledSchema schema, String actor, Ulid ulid) {
    ObjectNode state = SchemaState.initial(schema.catalog());
    store.put(RootLayout.SCHEMA_PG, schema.source());
    store.put(RootLayout.SCHEMA_IR, schema.ir().toPrettyString());
    store.put(RootLayout.SCHEMA_STATE, state.toPrettyString());
    Failpoints.hit(Failpoints.INIT_AFTER_SCHEMA);
    Map<String, TablePin> tables = new TreeMap<>();
    for (NodeType n : schema.catalog().nodes().values()) {
      String key = Manifest.nodeKey(n.name());
      String path = state.path("tables").path(key).path("path").asText();
      long v = lance.createEmpty(store.datasetUri(path), ArrowTypes.nodeSchema(n));
      tables.put(key, new TablePin(path, null, v));
      Failpoints.hit(Failpoints.INIT_AFTER_DATASET_CREATE);
    }
    for (EdgeType e : schema.catalog().edges().values()) {
      String key = Manifest.edgeKey(e.name());
      String path = state.path("tables").path(key).path("path").asText();
      long v = lance.createEmpty(store.datasetUri(path), ArrowTypes.edgeSchema(e));
      tables.put(key, new TablePin(path, null, v));
      Failpoints.hit(Failpoints.INIT_AFTER_DATASET_CREATE);
    }
    String commitId = ulid.next();
    Commit genesis = new Commit(commitId, "main", 1, null, null, actor, Clock.micros());
    return new Manifest(
        1, schema.digest(), Map.of("main", new Manifest.BranchState(commitId, tables)), genesis);
  }
}
