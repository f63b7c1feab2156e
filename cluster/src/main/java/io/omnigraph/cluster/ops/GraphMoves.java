package io.omnigraph.cluster.ops;

import io.omnigraph.cluster.Diagnostics;
import io.omnigraph.cluster.resource.DesiredState;
import io.omnigraph.cluster.resource.DesiredState.GraphParts;
import io.omnigraph.cluster.resource.Digests;
import io.omnigraph.cluster.state.ApprovalArtifact;
import io.omnigraph.cluster.state.ClusterLayout;
import io.omnigraph.cluster.state.ClusterState;
import io.omnigraph.cluster.state.ClusterStore;
import io.omnigraph.cluster.state.Ids;
import io.omnigraph.cluster.state.RecoverySidecar;
import io.omnigraph.cluster.state.StateException;
import io.omnigraph.compiler.schema.CompiledSchema;
import io.omnigraph.engine.root.GraphProbe;
import io.omnigraph.engine.root.GraphRoot;
import io.omnigraph.engine.root.ManagedGraphs;
import io.omnigraph.engine.root.Manifest;
import io.omnigraph.engine.root.SchemaApplyPreview;
import io.omnigraph.engine.root.SchemaApplyResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The graph-moving phases of apply (05 §7 steps 5–7, 10): creates, schema updates, approved
 * deletes. Each writes its recovery sidecar before the engine call; after the first failure every
 * later graph-moving operation is skipped.
 */
final class GraphMoves {
  final List<RecoverySidecar> completed = new ArrayList<>();
  final Map<String, String> failed = new TreeMap<>();
  final Set<String> skipped = new TreeSet<>();
  final List<String> consumed = new ArrayList<>();
  private final ClusterStore store;
  private final ClusterState next;
  private final DesiredState desired;
  private final String actor;
  private final String casBase;
  private final Diagnostics d;
  private boolean stop;

  GraphMoves(
      ClusterStore store,
      ClusterState next,
      DesiredState desired,
      String actor,
      String casBase,
      Diagnostics d) {
    this.store = store;
    this.next = next;
    this.desired = desired;
    this.actor = actor;
    this.casBase = casBase;
    this.d = d;
  }

  private boolean skip(PlanChange c, String code, String what) {
    if (!stop) {
      return false;
    }
    skipped.add(c.graphId());
    d.warning(
        code,
        c.resource,
        what + " skipped after an earlier graph-moving failure in this run; re-run apply");
    return true;
  }

  private void fail(PlanChange c, String code, String message) {
    stop = true;
    failed.put(c.graphId(), code);
    d.error(code, c.resource, message);
  }

  private RecoverySidecar sidecar(
      String kind, String g, Long observed, String schemaDigest, String approvalId) {
    return new RecoverySidecar(
        Ids.ulid(),
        Ids.now(),
        actor,
        kind,
        g,
        store.graphUri(g),
        observed,
        null,
        schemaDigest,
        casBase,
        approvalId);
  }

  /** Re-reads the schema file; its digest must still be the planned one. */
  private boolean verifySource(PlanChange c, GraphParts parts) {
    try {
      byte[] bytes = Files.readAllBytes(parts.schemaFile());
      if (Digests.sha256(bytes).equals(desired.resources().get("schema." + parts.id()).digest())) {
        return true;
      }
      d.error(
          "resource_content_changed",
          c.resource,
          parts.schemaFile() + " changed during apply; re-run plan and apply");
    } catch (IOException e) {
      d.error(
          "resource_content_changed",
          c.resource,
          "cannot re-read " + parts.schemaFile() + ": " + e.getMessage());
    }
    stop = true;
    failed.put(parts.id(), "resource_content_changed");
    return false;
  }

  void create(PlanChange c) {
    String g = c.graphId();
    if (skip(c, "graph_create_skipped", "create of graph '" + g + "'")) {
      return;
    }
    GraphParts parts = desired.graphs().get(g);
    String schemaDigest = desired.resources().get("schema." + g).digest();
    RecoverySidecar sc = sidecar("graph_create", g, null, schemaDigest, null);
    if (!writeSidecar(c, sc)) {
      return;
    }
    ClusterFailpoints.hit(ClusterFailpoints.CREATE_AFTER_SIDECAR);
    if (!verifySource(c, parts)) {
      Sidecars.delete(store, sc);
      return;
    }
    Manifest m;
    try {
      m = ManagedGraphs.init(store.graphUri(g), parts.schema(), actor, store.env());
    } catch (RuntimeException e) {
      fail(
          c,
          "graph_create_failed",
          "cannot create graph '"
              + g
              + "' at "
              + store.graphUri(g)
              + ": "
              + e.getMessage()
              + "; remove whatever occupies that location or fix the storage, then re-run `cluster"
              + " apply`");
      return;
    }
    ClusterFailpoints.hit(ClusterFailpoints.CREATE_AFTER_INIT);
    RecoverySidecar done = sc.withExpected(m.version());
    rewrite(done);
    completed.add(done);
    LedgerEdits.recordGraph(next, desired, g, schemaDigest);
    LedgerEdits.applied(next, "graph." + g);
    LedgerEdits.applied(next, "schema." + g);
  }

  void schemaUpdate(PlanChange c) {
    String g = c.graphId();
    if (skip(c, "schema_apply_skipped", "schema apply of graph '" + g + "'")) {
      return;
    }
    GraphParts parts = desired.graphs().get(g);
    try (GraphRoot root = GraphRoot.open(store.graphUri(g), store.env())) {
      if (!verifySource(c, parts)) {
        return;
      }
      SchemaApplyPreview preview = root.previewSchemaApply(parts.schema(), false);
      String refusal = refusal(preview);
      if (refusal != null) {
        fail(
            c,
            "schema_apply_failed",
            "schema apply of graph '" + g + "' refused before any change: " + refusal);
        return;
      }
      long observed = root.manifest().version();
      RecoverySidecar sc = sidecar("schema_apply", g, observed, c.after, null);
      if (!writeSidecar(c, sc)) {
        return;
      }
      ClusterFailpoints.hit(ClusterFailpoints.SCHEMA_AFTER_SIDECAR);
      runApply(c, root, parts.schema(), sc);
    } catch (RuntimeException e) {
      fail(
          c,
          "schema_apply_failed",
          "cannot open graph '" + g + "' for schema apply: " + e.getMessage());
    }
  }

  private static String refusal(SchemaApplyPreview p) {
    if (!p.blockingBranches().isEmpty()) {
      return "the graph has branches other than main ("
          + String.join(", ", p.blockingBranches())
          + "); merge or delete them first";
    }
    if (!p.supported()) {
      return "the migration is not supported: " + String.join("; ", p.plan().render());
    }
    return null;
  }

  private void runApply(PlanChange c, GraphRoot root, CompiledSchema schema, RecoverySidecar sc) {
    String g = c.graphId();
    try {
      SchemaApplyResult r = root.applySchema(schema, false, actor);
      ClusterFailpoints.hit(ClusterFailpoints.SCHEMA_AFTER_APPLY);
      RecoverySidecar done = sc.withExpected(r.graphManifestVersion());
      rewrite(done);
      completed.add(done);
      next.resources().put("schema." + g, ClusterState.ResourceEntry.of(c.after));
      LedgerEdits.applied(next, "schema." + g);
    } catch (RuntimeException e) {
      fail(c, "schema_apply_failed", "schema apply of graph '" + g + "' failed: " + e.getMessage());
      if (nothingMoved(g, c.before) && !Sidecars.delete(store, sc)) {
        d.warning(
            "recovery_sidecar_cleanup_failed",
            store.objects().uriOf(sc.key()),
            "could not delete the sidecar of a schema apply that changed nothing; graph '"
                + g
                + "' stays quarantined until the next apply");
      }
    }
  }

  private boolean nothingMoved(String g, String recorded) {
    try {
      GraphProbe.Result p = GraphProbe.probe(store.graphUri(g), store.env());
      return p.opens()
          && Digests.sha256(p.schemaSource().getBytes(StandardCharsets.UTF_8)).equals(recorded);
    } catch (RuntimeException e) {
      return false;
    }
  }

  void delete(PlanChange c, ApprovalArtifact approval) {
    String g = c.graphId();
    if (skip(c, "graph_delete_skipped", "delete of graph '" + g + "'")) {
      return;
    }
    RecoverySidecar sc = sidecar("graph_delete", g, null, "", approval.approvalId());
    if (!writeSidecar(c, sc)) {
      return;
    }
    ClusterFailpoints.hit(ClusterFailpoints.DELETE_AFTER_SIDECAR);
    try {
      store.objects().deletePrefix(ClusterLayout.graphKey(g) + "/");
    } catch (RuntimeException e) {
      fail(
          c,
          "graph_delete_failed",
          "cannot delete graph root "
              + store.graphUri(g)
              + ": "
              + e.getMessage()
              + "; the delete stays approved: fix the storage and re-run `cluster apply`");
      return;
    }
    ClusterFailpoints.hit(ClusterFailpoints.DELETE_AFTER_DELETE);
    completed.add(sc);
    LedgerEdits.tombstone(next, g, approval.approvalId(), actor);
    next.approvalRecords()
        .put(approval.approvalId(), new ClusterState.ApprovalRecord(Ids.now(), "apply"));
    consumed.add(approval.approvalId());
  }

  private boolean writeSidecar(PlanChange c, RecoverySidecar sc) {
    try {
      sc.write(store);
      return true;
    } catch (StateException e) {
      stop = true;
      failed.put(c.graphId(), e.code());
      d.error(e.code(), c.resource, e.getMessage());
      return false;
    }
  }

  private void rewrite(RecoverySidecar sc) {
    try {
      sc.write(store);
    } catch (StateException e) {
      // the first version stays; the sweep classifies it the same way
    }
  }
}
