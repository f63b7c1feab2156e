package io.omnigraph.engine.root;

import static io.omnigraph.engine.root.MaintenanceFixture.fragments;
import static io.omnigraph.engine.root.MaintenanceFixture.indexes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lance.Dataset;
import org.lance.index.IndexOptions;
import org.lance.index.IndexParams;
import org.lance.index.IndexType;
import org.lance.index.scalar.BTreeIndexParams;

/** {@code optimize} and {@code repair} on a local root with real Lance datasets. */
class OptimizeTest {
  @TempDir Path dir;
  private String uri;

  @BeforeEach
  void graph() throws Exception {
    uri = dir.resolve("g").toString();
    MaintenanceFixture.create(uri, Map.of(), 3);
  }

  @Test
  void optimizeCompactsBuildsDeclaredIndexesAndPublishesOnce() {
    try (GraphRoot root = GraphRoot.open(uri, Map.of())) {
      Manifest before = root.manifest();
      assertThat(fragments(root, "node:Doc")).isEqualTo(3);
      int docs = root.snapshot("main").nodes("Doc").size();

      OptimizeReport r = root.optimize();

      Manifest after = root.manifest();
      assertThat(after.version()).isEqualTo(before.version() + 1);
      assertThat(r.commit()).isNotNull();
      assertThat(r.commit().actorId()).isNull();
      assertThat(r.commit().parentCommitId()).isEqualTo(before.branch("main").headCommit());
      assertThat(after.commit()).isEqualTo(r.commit());
      assertThat(fragments(root, "node:Doc")).isEqualTo(1);
      assertThat(fragments(root, "edge:Cites")).isEqualTo(1);
      // @key/@unique/@index → BTREE; String @index → also INVERTED; enums get no FTS
      assertThat(indexes(root, "node:Doc"))
          .containsExactly(
              "og_btree_code",
              "og_btree_kind",
              "og_btree_rank",
              "og_btree_slug",
              "og_btree_title",
              "og_fts_title");
      assertThat(indexes(root, "edge:Cites")).containsExactly("og_btree_weight");
      OptimizeReport.Row doc = row(r, "node:Doc");
      assertThat(doc.committed()).isTrue();
      assertThat(doc.fragmentsRemoved()).isEqualTo(3);
      assertThat(doc.fragmentsAdded()).isEqualTo(1);
      assertThat(doc.publishedDatasetVersion())
          .isEqualTo(after.branch("main").tables().get("node:Doc").version())
          .isEqualTo(doc.lanceHeadVersion());
      assertThat(doc.pendingIndexes()).extracting(PendingIndex::property).containsExactly("emb");
      assertThat(root.snapshot("main").nodes("Doc").size()).isEqualTo(docs);
      assertThat(r.toJson(uri).path("datasets").get(1).path("type_key").asText())
          .isEqualTo("node:Doc");
      assertThat(r.humanLines(uri).get(0)).startsWith("optimize " + uri + " — 2 datasets");
      assertThat(r.humanLines(uri)).anyMatch(l -> l.contains("node:Doc: frags 3 → 1"));

      // a second run has nothing to do and publishes nothing
      OptimizeReport again = root.optimize();
      assertThat(again.commit()).isNull();
      assertThat(root.manifest().version()).isEqualTo(after.version());
      assertThat(again.datasets()).allMatch(d -> !d.committed() && d.skipped() == null);
      assertThat(again.humanLines(uri))
          .anyMatch(
              l ->
                  l.endsWith(
                      "node:Doc: no-op (pending: emb: "
                          + "vector properties are not indexed by this version (scans serve them))"));
    }
  }

  @Test
  void appendedRowsAreFoldedIntoExistingIndexes() throws Exception {
    try (GraphRoot root = GraphRoot.open(uri, Map.of())) {
      root.optimize();
      MaintenanceFixture.load(root, "e1", "e2");
      OptimizeReport r = root.optimize();
      OptimizeReport.Row doc = row(r, "node:Doc");
      assertThat(doc.committed()).isTrue();
      assertThat(doc.indexesCreated()).isEmpty();
      TablePin pin = root.manifest().branch("main").tables().get("node:Doc");
      try (Dataset ds = root.lance().open(root.store().tableUri(pin), pin.version())) {
        int frags = ds.getFragments().size();
        assertThat(ds.getIndexes())
            .allSatisfy(i -> assertThat(i.fragments().orElseThrow()).hasSize(frags));
      }
    }
  }

  @Test
  void emptyTablesReportPendingIndexesAndNothingIsPublished() throws Exception {
    String empty = dir.resolve("empty").toString();
    GraphRoot.init(empty, MaintenanceFixture.schema(), null, Map.of());
    try (GraphRoot root = GraphRoot.open(empty, Map.of())) {
      OptimizeReport r = root.optimize();
      assertThat(r.commit()).isNull();
      assertThat(root.manifest().version()).isEqualTo(1);
      assertThat(row(r, "node:Doc").pendingIndexes())
          .extracting(PendingIndex::property)
          .contains("slug", "title", "emb");
    }
  }

  @Test
  void driftIsSkippedByOptimizeAndClassifiedByRepair() {
    try (GraphRoot root = GraphRoot.open(uri, Map.of())) {
      TablePin doc = root.manifest().branch("main").tables().get("node:Doc");
      TablePin cites = root.manifest().branch("main").tables().get("edge:Cites");
      // verified maintenance: a compaction done outside optimize
      try (Dataset ds = root.lance().open(root.store().tableUri(doc), null)) {
        ds.compact();
      }
      // suspicious: an index nobody published, under our prefix but not declared
      try (Dataset ds = root.lance().open(root.store().tableUri(cites), null)) {
        ds.createIndex(
            IndexOptions.builder(
                    List.of("src"),
                    IndexType.BTREE,
                    IndexParams.builder()
                        .setScalarIndexParams(BTreeIndexParams.builder().build())
                        .build())
                .withIndexName("og_btree_src")
                .build());
      }
      long v = root.manifest().version();
      OptimizeReport o = root.optimize();
      assertThat(o.commit()).isNull();
      assertThat(o.datasets()).allMatch(d -> "drift_needs_repair".equals(d.skipped()));
      assertThatThrownBy(() -> root.cleanup(new RetentionPolicy(1, null), true))
          .isInstanceOfSatisfying(
              RootException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(RootException.Kind.DRIFT_NEEDS_REPAIR);
                assertThat(e.getMessage()).contains("node:Doc", "edge:Cites", "repair");
              });

      RepairReport preview = root.repair(false, false);
      assertThat(preview.commit()).isNull();
      assertThat(root.manifest().version()).isEqualTo(v);
      assertThat(preview.datasets())
          .extracting(RepairReport.Row::classification)
          .containsExactly("suspicious", "verified_maintenance"); // edge:Cites, node:Doc
      assertThat(preview.datasets()).allMatch(d -> "preview".equals(d.action()));
      assertThat(preview.datasets().get(1).operations())
          .containsExactly("ReserveFragments", "Rewrite");
      assertThat(preview.datasets().get(0).operations()).containsExactly("CreateIndex");
      assertThatThrownBy(() -> root.repair(false, true))
          .isInstanceOf(IllegalArgumentException.class);

      RepairReport confirm = root.repair(true, false);
      assertThat(confirm.anyRefused()).isTrue();
      assertThat(confirm.datasets())
          .extracting(RepairReport.Row::action)
          .containsExactly("refused", "healed");
      assertThat(root.manifest().version()).isEqualTo(v + 1);
      assertThat(fragments(root, "node:Doc")).isEqualTo(1);

      RepairReport forced = root.repair(true, true);
      assertThat(forced.datasets())
          .extracting(RepairReport.Row::action)
          .containsExactly("forced", "no_op");
      assertThat(root.manifest().version()).isEqualTo(v + 2);
      assertThat(indexes(root, "edge:Cites")).containsExactly("og_btree_src");

      // optimize now owns the published state: it drops the undeclared og_ index
      OptimizeReport r = root.optimize();
      assertThat(row(r, "edge:Cites").indexesDropped()).containsExactly("og_btree_src");
      assertThat(indexes(root, "edge:Cites")).containsExactly("og_btree_weight");
      assertThat(root.repair(false, false).datasets())
          .allMatch(d -> "no_drift".equals(d.classification()));
    }
  }

  @Test
  void optimizeStripsAStaleAutoCleanupHookBeforeCompacting() {
    try (GraphRoot root = GraphRoot.open(uri, Map.of())) {
      TablePin doc = root.manifest().branch("main").tables().get("node:Doc");
      try (Dataset ds = root.lance().open(root.store().tableUri(doc), null)) {
        ds.updateConfig(
            Map.of("lance.auto_cleanup.interval", "1", "lance.auto_cleanup.older_than", "0s"));
      }
      root.repair(true, true); // publish the foreign config change
      long before = root.manifest().version();
      OptimizeReport r = root.optimize();
      assertThat(root.manifest().version()).isEqualTo(before + 1);
      assertThat(row(r, "node:Doc").committed()).isTrue();
      TablePin after = root.manifest().branch("main").tables().get("node:Doc");
      try (Dataset ds = root.lance().open(root.store().tableUri(after), after.version())) {
        assertThat(ds.getConfig().keySet()).noneMatch(k -> k.startsWith("lance.auto_cleanup."));
      }
      // nothing was garbage-collected: the version before the hook still opens
      assertThat(MaintenanceFixture.lanceVersions(root, after)).contains(doc.version());
    }
  }

  @Test
  void repairRewritesAStaleLatestHint() {
    try (GraphRoot root = GraphRoot.open(uri, Map.of())) {
      root.store().put(RootLayout.MANIFEST_LATEST, "{\"graph_manifest_version\": 1}\n");
      assertThat(root.repair(false, false).hintRepaired()).isFalse();
      RepairReport r = root.repair(true, false);
      assertThat(r.hintRepaired()).isTrue();
      assertThat(root.store().readText(RootLayout.MANIFEST_LATEST))
          .contains(Long.toString(root.manifest().version()));
    }
  }

  static OptimizeReport.Row row(OptimizeReport r, String key) {
    return r.datasets().stream().filter(d -> d.typeKey().equals(key)).findFirst().orElseThrow();
  }
}
