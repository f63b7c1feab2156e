package io.omnigraph.engine.root;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnigraph.compiler.query.ir.CompiledQuery;
import io.omnigraph.engine.change.ChangeRejected;
import io.omnigraph.engine.change.ChangeValidator;
import io.omnigraph.engine.change.ValidatedChange;
import io.omnigraph.engine.exec.mutate.MutationException;
import io.omnigraph.engine.exec.mutate.MutationPlan;
import io.omnigraph.engine.exec.mutate.MutationPlanner;
import java.time.Clock;
import java.util.Map;

/**
 * One mutation query as one graph commit (04 §3): under the write lock, recovery → precondition
 * ({@code ifCommit}) → plan the statements on the branch head ({@link MutationPlanner}) → validate
 * ({@link ChangeValidator}) → {@link GraphWrite} with the {@code mutate.*} failpoints.
 */
final class GraphMutation {
  private final GraphRoot root;

  GraphMutation(GraphRoot root) {
    this.root = root;
  }

  MutationResult run(
      CompiledQuery q, JsonNode params, String branch, String actor, String ifCommit) {
    Manifest base = root.manifest();
    Manifest.BranchState state = base.branch(branch);
    checkPrecondition(branch, state, ifCommit);
    RootSnapshot snap = root.snapshot(base, branch);
    MutationPlan plan = MutationPlanner.plan(snap, q, params, Clock.systemUTC());
    if (plan.isEmpty()) {
      return new MutationResult(branch, q.name(), 0, 0, actor, null);
    }
    ValidatedChange change;
    try {
      change = ChangeValidator.validate(snap, plan.changes());
    } catch (ChangeRejected e) {
      throw rejected(q, e);
    }
    GraphWrite.Published p =
        new GraphWrite(root.store(), root.lance(), root.allocator(), root.nextId())
            .write(
                base, branch, change, actor, GraphWrite.Head.commit(null), GraphWrite.Steps.MUTATE);
    return new MutationResult(
        branch, q.name(), plan.affectedNodes(), plan.affectedEdges(), actor, p.commit());
  }

  static void checkPrecondition(String branch, Manifest.BranchState state, String ifCommit) {
    if (ifCommit == null || ifCommit.equals(state.headCommit())) {
      return;
    }
    String actual = state.headCommit();
    throw new RootException(
        RootException.Kind.PRECONDITION_FAILED,
        "precondition_failure: branch "
            + branch
            + " is at commit "
            + actual
            + ", not "
            + ifCommit
            + "; re-read the branch and retry with the new graph_commit_id",
        actual == null
            ? Map.of("branch", branch, "expected", ifCommit)
            : Map.of("branch", branch, "expected", ifCommit, "actual", actual));
  }

  private static MutationException rejected(CompiledQuery q, ChangeRejected e) {
    int stmt = e.origin();
    String where =
        stmt >= 1 && stmt <= q.mutations().size()
            ? "statement " + stmt + " (" + MutationPlanner.label(q.mutations().get(stmt - 1)) + ")"
            : "mutation " + q.name();
    return new MutationException(
        e.loadCode(),
        Math.max(stmt, 0),
        where + ": " + e.getMessage(),
        e.resourceLimit().orElse(null));
  }
}
