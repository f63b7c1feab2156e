package io.omnigraph.engine.root;

import io.omnigraph.compiler.schema.Catalog;
import io.omnigraph.compiler.schema.EdgeType;
import io.omnigraph.engine.change.ChangeRejected;
import io.omnigraph.engine.change.ChangeSet;
import io.omnigraph.engine.change.ChangeValidator;
import io.omnigraph.engine.change.ValidatedChange;
import io.omnigraph.engine.graph.GraphSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * {@code branch merge <source> --into <target>} (04 §4), under the write lock:
 *
 * <ol>
 *   <li>source head = target head, or an ancestor of it → {@code already_up_to_date}, nothing
 *       published;
 *   <li>target head an ancestor of the source head → {@code fast_forward}: the target's tables get
 *       the source's rows (written onto the target's own Lance branch, never shared), and the
 *       target head becomes the source head (no new commit);
 *   <li>otherwise a three-way entity-level merge against the merge base ({@link CommitGraph}): per
 *       entity id, a change on the source side only is applied; the same change on both sides is
 *       fine; different changes are conflicts ({@code DivergentInsert}, {@code DivergentUpdate},
 *       {@code DeleteVsUpdate}); the result is validated like a write ({@link ChangeValidator}:
 *       {@code OrphanEdge}, {@code UniqueViolation}, {@code CardinalityViolation}, {@code
 *       ValueConstraintViolation}) and published as one two-parent commit ({@code merged}).
 * </ol>
 *
 * Conflicts abort the whole merge ({@link MergeConflictsException}); nothing is written.
 */
final class BranchMerge {
  private final GraphRoot root;

  BranchMerge(GraphRoot root) {
    this.root = root;
  }

  MergeResult run(String source, String target, String actor) {
    if (source.equals(target)) {
      throw new RootException(
          RootException.Kind.INVALID_BRANCH_NAME,
          "cannot merge branch " + source + " into itself; name another --into target");
    }
    Manifest base = root.manifest();
    Manifest.BranchState s = base.branch(source);
    Manifest.BranchState t = base.branch(target);
    CommitGraph g = CommitGraph.load(root.store(), base.version());
    if (s.headCommit().equals(t.headCommit()) || g.isAncestor(s.headCommit(), t.headCommit())) {
      return new MergeResult(source, target, "already_up_to_date", actor, null, 0, null, null);
    }
    RootSnapshot targetState = root.snapshot(base, target);
    RootSnapshot sourceState = root.snapshot(base, source);
    if (g.isAncestor(t.headCommit(), s.headCommit())) {
      ChangeSet cs = new ChangeSet();
      List<MergeConflict> conflicts = new ArrayList<>();
      for (String key : changedKeys(t, s)) {
        diff(key, targetState, sourceState, targetState, cs, conflicts);
      }
      GraphWrite.Published p =
          write(
              base,
              source,
              target,
              targetState,
              cs,
              actor,
              GraphWrite.Head.fastForward(s.headCommit()));
      return new MergeResult(
          source, target, "fast_forward", actor, null, p.manifest().version(), null, null);
    }
    Commit mb = g.mergeBase(s.headCommit(), t.headCommit());
    Manifest mbManifest = root.store().readManifest(mb.graphManifestVersion());
    Manifest.BranchState mbState = mbManifest.branch(mb.graphBranch());
    RootSnapshot baseState = root.snapshot(mbManifest, mb.graphBranch());
    ChangeSet cs = new ChangeSet();
    List<MergeConflict> conflicts = new ArrayList<>();
    for (String key : changedKeys(mbState, s)) {
      diff(key, baseState, sourceState, targetState, cs, conflicts);
    }
    if (!conflicts.isEmpty()) {
      throw new MergeConflictsException(source, target, conflicts);
    }
    GraphWrite.Published p =
        write(base, source, target, targetState, cs, actor, GraphWrite.Head.commit(s.headCommit()));
    return new MergeResult(
        source, target, "merged", actor, p.commit(), p.manifest().version(), null, null);
  }

  private GraphWrite.Published write(
      Manifest base,
      String source,
      String target,
      RootSnapshot targetState,
      ChangeSet cs,
      String actor,
      GraphWrite.Head head) {
    ValidatedChange change;
    try {
      change = ChangeValidator.validate(targetState, cs);
    } catch (ChangeRejected e) {
      throw new MergeConflictsException(source, target, List.of(conflict(e)));
    }
    return new GraphWrite(root.store(), root.lance(), root.allocator(), root.nextId())
        .write(base, target, change, actor, head, GraphWrite.Steps.MERGE);
  }

  /** Table keys whose pins differ between two branch states (the others cannot differ). */
  private static Set<String> changedKeys(Manifest.BranchState from, Manifest.BranchState to) {
    Set<String> keys = new LinkedHashSet<>();
    for (String key : to.tables().keySet()) {
      if (!Objects.equals(from.tables().get(key), to.tables().get(key))) {
        keys.add(key);
      }
    }
    return keys;
  }

  /**
   * The entity-level three-way merge of one table: source changes (base → source) are applied where
   * the target still has the base row; equal changes on both sides are no-ops; anything else is a
   * conflict. With {@code base == target} this is the two-way diff of a fast-forward.
   */
  private void diff(
      String key,
      GraphSnapshot base,
      GraphSnapshot source,
      GraphSnapshot target,
      ChangeSet out,
      List<MergeConflict> conflicts) {
    Catalog catalog = root.catalog();
    boolean edge = key.startsWith("edge:");
    String type = key.substring(key.indexOf(':') + 1);
    EdgeType et = edge ? catalog.edge(type).orElseThrow() : null;
    EntityRows b = edge ? EntityRows.edges(base, et) : EntityRows.nodes(base, type);
    EntityRows s = edge ? EntityRows.edges(source, et) : EntityRows.nodes(source, type);
    EntityRows t = edge ? EntityRows.edges(target, et) : EntityRows.nodes(target, type);
    Set<String> ids = new LinkedHashSet<>(b.rows().keySet());
    ids.addAll(s.rows().keySet());
    for (String id : ids) {
      EntityRows.Row rb = b.rows().get(id);
      EntityRows.Row rs = s.rows().get(id);
      if (EntityRows.same(rb, rs)) {
        continue; // the source did not change it
      }
      EntityRows.Row rt = t.rows().get(id);
      if (EntityRows.same(rt, rs)) {
        continue; // both sides made the same change
      }
      if (!EntityRows.same(rt, rb)) {
        conflicts.add(conflict(edge, type, id, rb, rs, rt));
      } else if (rs == null) {
        if (edge) {
          out.deleteEdge(type, id, 0);
        } else {
          out.deleteNode(type, id, 0);
        }
      } else {
        out.upsert(rs.upsert(edge, type, id, 0));
      }
    }
  }

  private static MergeConflict conflict(
      boolean edge, String type, String id, EntityRows.Row b, EntityRows.Row s, EntityRows.Row t) {
    String kind =
        b == null
            ? "DivergentInsert"
            : s == null || t == null ? "DeleteVsUpdate" : "DivergentUpdate";
    String what =
        switch (kind) {
          case "DivergentInsert" -> "both branches inserted it with different values";
          case "DeleteVsUpdate" ->
              (s == null ? "the source deleted it" : "the target deleted it")
                  + " while the other branch updated it";
          default -> "both branches updated it differently";
        };
    return new MergeConflict(
        edge ? "edge" : "node", type, id, kind, type + " '" + id + "': " + what);
  }

  private static MergeConflict conflict(ChangeRejected e) {
    String kind =
        switch (e.loadCode()) {
          case UNIQUE_VIOLATION -> "UniqueViolation";
          case CARDINALITY_VIOLATION -> "CardinalityViolation";
          case UNKNOWN_ENDPOINT, DANGLING_EDGE -> "OrphanEdge";
          default -> "ValueConstraintViolation";
        };
    return new MergeConflict(
        e.entityKind() == null ? "node" : e.entityKind(),
        e.typeName(),
        e.entityId(),
        kind,
        e.getMessage());
  }
}
