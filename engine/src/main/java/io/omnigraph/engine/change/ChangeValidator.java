package io.omnigraph.engine.change;

import io.omnigraph.compiler.schema.Catalog;
import io.omnigraph.compiler.schema.EdgeType;
import io.omnigraph.compiler.schema.NodeType;
import io.omnigraph.engine.graph.EdgeTable;
import io.omnigraph.engine.graph.GraphSnapshot;
import io.omnigraph.engine.graph.InMemoryGraph;
import io.omnigraph.engine.graph.NodeTable;
import io.omnigraph.engine.load.GraphBatchReader;
import io.omnigraph.engine.load.InMemoryCommit;
import io.omnigraph.engine.load.LoadCode;
import io.omnigraph.engine.load.LoadException;
import io.omnigraph.engine.load.LoadMode;
import io.omnigraph.engine.load.StagedBatch;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates a {@link ChangeSet} against the branch state it applies to, reusing the load pipeline's
 * validators for everything written:
 *
 * <ol>
 *   <li>deletions: no surviving edge may point at a deleted node ({@code unknown_endpoint});
 *   <li>upserts: spelled as a graph batch ({@link ChangeBatch}) and read in {@code merge} mode by
 *       {@link GraphBatchReader} against the state minus the deletions — types, non-null, enums,
 *       {@code @range}, {@code @check}, {@code @unique}, {@code @card}, endpoints, key ids;
 *   <li>deletions again: every surviving source node of a deleted edge still meets its edge type's
 *       {@code @card} minimum in the final image.
 * </ol>
 *
 * The first violation is thrown as {@link ChangeRejected}; nothing is written by validation.
 */
public final class ChangeValidator {
  private ChangeValidator() {}

  public static ValidatedChange validate(GraphSnapshot base, ChangeSet cs) {
    GraphSnapshot reduced = base;
    if (cs.hasDeletes()) {
      checkOrphans(base, cs);
      reduced = without(base, cs);
    }
    StagedBatch batch = cs.upserts().isEmpty() ? null : stage(reduced, cs);
    if (cs.hasDeletes()) {
      GraphSnapshot after =
          batch == null ? reduced : InMemoryCommit.apply(reduced, batch, base.commitId());
      checkCardinality(base, after, cs);
    }
    return new ValidatedChange(batch, tableDeletes(cs));
  }

  private static StagedBatch stage(GraphSnapshot state, ChangeSet cs) {
    byte[] jsonl = ChangeBatch.jsonl(state.catalog(), cs.upserts());
    try {
      return GraphBatchReader.forSnapshot(state)
          .mode(LoadMode.MERGE)
          .parallel(false)
          .build()
          .read(new ByteArrayInputStream(jsonl));
    } catch (LoadException e) {
      throw ChangeBatch.rejected(state.catalog(), cs.upserts(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Set<String>> tableDeletes(ChangeSet cs) {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    cs.nodeDeletes().forEach((t, ids) -> out.put("node:" + t, ids));
    cs.edgeDeletes().forEach((t, ids) -> out.put("edge:" + t, ids));
    return out;
  }

  private static void checkOrphans(GraphSnapshot base, ChangeSet cs) {
    Catalog catalog = base.catalog();
    for (EdgeType e : catalog.edges().values()) {
      Set<String> fromGone = cs.nodeDeletes().getOrDefault(e.from(), Set.of());
      Set<String> toGone = cs.nodeDeletes().getOrDefault(e.to(), Set.of());
      if (fromGone.isEmpty() && toGone.isEmpty()) {
        continue;
      }
      Set<String> edgeGone = cs.edgeDeletes().getOrDefault(e.name(), Set.of());
      EdgeTable t = base.edges(e.name());
      NodeTable from = base.nodes(e.from());
      NodeTable to = base.nodes(e.to());
      for (int r = 0; r < t.size(); r++) {
        if (edgeGone.contains(t.id(r))) {
          continue;
        }
        String src = from.id(t.src(r));
        String dst = to.id(t.dst(r));
        String missing = fromGone.contains(src) ? src : toGone.contains(dst) ? dst : null;
        if (missing != null) {
          String type = missing.equals(src) && fromGone.contains(src) ? e.from() : e.to();
          throw new ChangeRejected(
              LoadCode.UNKNOWN_ENDPOINT,
              cs.deleteOrigin(false, type, missing),
              "edge",
              e.name(),
              t.id(r),
              "edge "
                  + e.name()
                  + " '"
                  + t.id(r)
                  + "' ("
                  + src
                  + " → "
                  + dst
                  + ") would point at deleted "
                  + type
                  + " '"
                  + missing
                  + "'; delete the edge too",
              null);
        }
      }
    }
  }

  /** The state without the deleted entities (orphans were refused before). */
  private static GraphSnapshot without(GraphSnapshot base, ChangeSet cs) {
    Catalog catalog = base.catalog();
    InMemoryGraph.Builder b = InMemoryGraph.builder(catalog).commitId(base.commitId());
    for (NodeType nt : catalog.nodes().values()) {
      NodeTable t = base.nodes(nt.name());
      Set<String> gone = cs.nodeDeletes().getOrDefault(nt.name(), Set.of());
      for (int r = 0; r < t.size(); r++) {
        if (!gone.contains(t.id(r))) {
          b.node(nt.name(), t.id(r), values(t.properties(), t, r));
        }
      }
    }
    for (EdgeType e : catalog.edges().values()) {
      EdgeTable t = base.edges(e.name());
      NodeTable from = base.nodes(e.from());
      NodeTable to = base.nodes(e.to());
      Set<String> gone = cs.edgeDeletes().getOrDefault(e.name(), Set.of());
      for (int r = 0; r < t.size(); r++) {
        if (!gone.contains(t.id(r))) {
          Map<String, Object> v = new HashMap<>();
          List<String> props = t.properties();
          for (int c = 0; c < props.size(); c++) {
            if (t.value(r, c) != null) {
              v.put(props.get(c), t.value(r, c));
            }
          }
          b.edge(e.name(), t.id(r), from.id(t.src(r)), to.id(t.dst(r)), v);
        }
      }
    }
    return b.build();
  }

  private static Map<String, Object> values(List<String> props, NodeTable t, int r) {
    Map<String, Object> v = new HashMap<>();
    for (int c = 0; c < props.size(); c++) {
      if (t.value(r, c) != null) {
        v.put(props.get(c), t.value(r, c));
      }
    }
    return v;
  }

  /** Sources that lost edges must still have {@code @card(min..)} edges afterwards. */
  private static void checkCardinality(GraphSnapshot base, GraphSnapshot after, ChangeSet cs) {
    for (Map.Entry<String, Set<String>> d : cs.edgeDeletes().entrySet()) {
      EdgeType e = base.catalog().edge(d.getKey()).orElseThrow();
      if (!e.hasExplicitCard() || e.cardMin() == 0) {
        continue;
      }
      EdgeTable old = base.edges(e.name());
      NodeTable oldFrom = base.nodes(e.from());
      Set<String> sources = new LinkedHashSet<>();
      Map<String, String> viaEdge = new HashMap<>();
      for (int r = 0; r < old.size(); r++) {
        if (d.getValue().contains(old.id(r))) {
          String src = oldFrom.id(old.src(r));
          sources.add(src);
          viaEdge.putIfAbsent(src, old.id(r));
        }
      }
      NodeTable from = after.nodes(e.from());
      for (String src : sources) {
        int row = from.rowOf(src);
        int degree = row < 0 ? -1 : after.edges(e.name()).out().degree(row);
        if (row >= 0 && degree < e.cardMin()) {
          throw new ChangeRejected(
              LoadCode.CARDINALITY_VIOLATION,
              cs.deleteOrigin(true, e.name(), viaEdge.get(src)),
              "node",
              e.from(),
              src,
              e.from()
                  + " '"
                  + src
                  + "' would have "
                  + degree
                  + " "
                  + e.name()
                  + " edge(s), but @card("
                  + e.renderCard()
                  + ") needs at least "
                  + e.cardMin()
                  + "; keep one of its edges or delete the node too",
              null);
        }
      }
    }
  }
}
