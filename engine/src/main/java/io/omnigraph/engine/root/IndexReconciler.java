package io.omnigraph.engine.root;

import io.omnigraph.compiler.schema.Catalog;
import io.omnigraph.compiler.schema.EdgeType;
import io.omnigraph.compiler.schema.NodeType;
import io.omnigraph.compiler.schema.PropType;
import io.omnigraph.compiler.schema.Property;
import io.omnigraph.compiler.schema.ScalarType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.vector.types.pojo.Field;
import org.lance.Dataset;
import org.lance.Fragment;
import org.lance.index.Index;
import org.lance.index.IndexOptions;
import org.lance.index.IndexParams;
import org.lance.index.IndexType;
import org.lance.index.OptimizeOptions;
import org.lance.index.scalar.BTreeIndexParams;
import org.lance.index.scalar.InvertedIndexParams;

/**
 * The indexes a table's schema asks for, and how to bring a Lance dataset to them (00-decisions,
 * language clarification 8): every {@code @key}, {@code @unique} and {@code @index} property gets a
 * BTREE; a String (non-enum) {@code @index} property also gets an INVERTED (full-text) index. Our
 * indexes are named {@code og_btree_<property>} / {@code og_fts_<property>}; indexes with other
 * names are never touched. Vector and list properties cannot be indexed yet and are reported as
 * pending, as are tables without rows (nothing to build from).
 */
final class IndexReconciler {
  static final String PREFIX = "og_";

  /** One index the schema asks for. */
  record Wanted(String name, String column, IndexType type) {}

  /** What {@link #plan} found for a dataset. */
  record Plan(
      List<Wanted> missing, List<String> obsolete, boolean uncovered, List<PendingIndex> pending) {
    boolean hasWork() {
      return !missing.isEmpty() || !obsolete.isEmpty() || uncovered;
    }
  }

  /** What {@link #apply} did. */
  record Outcome(List<String> created, List<String> dropped, boolean reindexed) {}

  private IndexReconciler() {}

  /** The indexes wanted for {@code key} ({@code node:T}/{@code edge:T}), with pending ones. */
  static Map<String, Wanted> wanted(Catalog catalog, String key, List<PendingIndex> pending) {
    Map<String, Property> props;
    List<List<String>> groups = new ArrayList<>();
    List<List<String>> indexGroups;
    String name = key.substring(key.indexOf(':') + 1);
    if (key.startsWith("node:") && catalog.nodes().containsKey(name)) {
      NodeType t = catalog.nodes().get(name);
      props = t.properties();
      groups.add(t.keyProperties());
      groups.addAll(t.uniqueGroups());
      indexGroups = t.indexGroups();
    } else if (key.startsWith("edge:") && catalog.edges().containsKey(name)) {
      EdgeType t = catalog.edges().get(name);
      props = t.properties();
      groups.addAll(t.uniqueGroups());
      indexGroups = t.indexGroups();
    } else {
      return Map.of(); // a table the schema no longer declares
    }
    groups.addAll(indexGroups);
    Set<String> indexed = new HashSet<>();
    indexGroups.forEach(indexed::addAll);
    Map<String, Wanted> out = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    for (List<String> g : groups) {
      for (String prop : g) {
        Property p = props.get(prop);
        if (p == null || !seen.add(prop)) {
          continue;
        }
        PropType t = p.type();
        if (t.isVector() || t.isBlob() || t.list()) {
          pending.add(
              new PendingIndex(
                  prop,
                  (t.isVector() ? "vector" : t.isBlob() ? "blob" : "list")
                      + " properties are not indexed by this version (scans serve them)"));
          continue;
        }
        put(out, new Wanted(PREFIX + "btree_" + prop, prop, IndexType.BTREE));
        if (indexed.contains(prop) && t.scalar() == ScalarType.STRING && !t.isEnum()) {
          put(out, new Wanted(PREFIX + "fts_" + prop, prop, IndexType.INVERTED));
        }
      }
    }
    return out;
  }

  private static void put(Map<String, Wanted> out, Wanted w) {
    out.put(w.name(), w);
  }

  /** Compares the dataset (at its handle's version) with what the schema wants. */
  static Plan plan(Dataset ds, Map<String, Wanted> wanted, List<PendingIndex> pending) {
    Set<String> columns = new HashSet<>();
    for (Field f : ds.getSchema().getFields()) {
      columns.add(f.getName());
    }
    List<Index> existing = ds.getIndexes();
    Set<String> names = new HashSet<>();
    existing.forEach(i -> names.add(i.name()));
    long rows = ds.countRows();
    List<Wanted> missing = new ArrayList<>();
    List<PendingIndex> allPending = new ArrayList<>(pending);
    for (Wanted w : wanted.values()) {
      if (names.contains(w.name()) || !columns.contains(w.column())) {
        continue;
      }
      if (rows == 0) {
        allPending.add(new PendingIndex(w.column(), "no rows yet; rerun optimize after a load"));
      } else {
        missing.add(w);
      }
    }
    List<String> obsolete = new ArrayList<>();
    for (String n : names) {
      if (n.startsWith(PREFIX) && !wanted.containsKey(n)) {
        obsolete.add(n);
      }
    }
    obsolete.sort(null);
    Set<Integer> fragments = new HashSet<>();
    for (Fragment f : ds.getFragments()) {
      fragments.add(f.getId());
    }
    boolean uncovered = false;
    for (Index i : existing) {
      if (i.name().startsWith(PREFIX) && wanted.containsKey(i.name())) {
        Set<Integer> covered = new HashSet<>(i.fragments().orElse(List.of()));
        if (!covered.containsAll(fragments)) {
          uncovered = true;
        }
      }
    }
    return new Plan(missing, obsolete, uncovered, List.copyOf(allPending));
  }

  /**
   * Drops obsolete indexes, folds unindexed fragments into the existing ones, then builds the
   * missing ones. Moves {@code ds} to the new version.
   */
  static Outcome apply(Dataset ds, Plan plan) {
    for (String n : plan.obsolete()) {
      ds.dropIndex(n);
    }
    if (plan.uncovered()) {
      ds.optimizeIndices(OptimizeOptions.builder().build());
    }
    List<String> created = new ArrayList<>();
    for (Wanted w : plan.missing()) {
      ds.createIndex(
          IndexOptions.builder(List.of(w.column()), w.type(), params(w.type()))
              .withIndexName(w.name())
              .replace(false)
              .build());
      created.add(w.name());
    }
    return new Outcome(created, plan.obsolete(), plan.uncovered());
  }

  private static IndexParams params(IndexType type) {
    if (type == IndexType.INVERTED) {
      return IndexParams.builder()
          .setScalarIndexParams(
              InvertedIndexParams.builder()
                  .baseTokenizer("simple")
                  .language("English")
                  .withPosition(true)
                  .maxTokenLength(40)
                  .lowerCase(true)
                  .stem(false)
                  .removeStopWords(false)
                  .customStopWords(List.of())
                  .asciiFolding(true)
                  .minNgramLength(3)
                  .maxNgramLength(3)
                  .prefixOnly(false)
                  .skipMerge(false)
                  .build())
          .build();
    }
    return IndexParams.builder().setScalarIndexParams(BTreeIndexParams.builder().build()).build();
  }
}
