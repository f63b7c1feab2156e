package io.omnigraph.engine.exec;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnigraph.compiler.query.ir.Column;
import io.omnigraph.compiler.query.ir.CompiledQuery;
import io.omnigraph.compiler.query.ir.ReadPlan;
import io.omnigraph.engine.exec.QueryExecutionException.Code;
import io.omnigraph.engine.graph.GraphSnapshot;
import java.util.List;
import java.util.Map;

/**
 * Runs a type-checked read ({@link CompiledQuery} with a {@link ReadPlan}) against one {@link
 * GraphSnapshot}:
 *
 * <ol>
 *   <li>bind the JSON parameters ({@link ParamBinder}; {@code now()} read once);
 *   <li>match: an order-independent conjunction planned at run time ({@link BlockMatcher});
 *   <li>project, or group and aggregate ({@link Projection}, {@link Aggregation});
 *   <li>order by the user keys, then the total deterministic order, and apply {@code limit}.
 * </ol>
 *
 * Every failure is a {@link QueryExecutionException} with a stable code; nothing else escapes (an
 * unexpected exception is reported as {@code internal}).
 */
public final class QueryExecutor {
  private QueryExecutor() {}

  public static QueryResult execute(
      GraphSnapshot graph, CompiledQuery query, JsonNode params, ExecOptions options) {
    if (query.isMutation() || query.read() == null) {
      throw new QueryExecutionException(
          Code.NOT_A_READ,
          "query " + query.name() + " is a mutation; run it with the mutation executor (mutate)");
    }
    try {
      Map<String, Object> bound = ParamBinder.bind(query, params, options.clock());
      return run(graph, query.read(), bound, options);
    } catch (QueryExecutionException e) {
      throw e;
    } catch (RuntimeException e) {
      if (e instanceof ExternalFailure) {
        throw e;
      }
      throw internal(query, e);
    } catch (StackOverflowError e) {
      throw internal(query, e);
    }
  }

  private static QueryExecutionException internal(CompiledQuery query, Throwable e) {
    return new QueryExecutionException(
        Code.INTERNAL,
        "internal error while executing query "
            + query.name()
            + " ("
            + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + e.getMessage())
            + "); please report it with the query",
        e);
  }

  private static QueryResult run(
      GraphSnapshot graph, ReadPlan plan, Map<String, Object> params, ExecOptions options) {
    SlotSpace space = SlotSpace.build(graph, plan);
    ExecContext ctx = new ExecContext(graph, params, options, space);
    Bindings seed = Bindings.unit(space.width());
    Bindings rows = new BlockMatcher(ctx, space.root(), plan.match(), false).run(seed);
    TieBreak tie = TieBreak.of(space, plan.variables(), rows);
    ExprCompiler ec = new ExprCompiler(ctx, space.root(), rows, tie);
    List<Object[]> out =
        plan.aggregate() ? Aggregation.run(ec, plan, rows) : Projection.run(ec, plan, rows, tie);
    List<ResultColumn> columns = plan.columns().stream().map(QueryExecutor::column).toList();
    return new QueryResult(columns, out);
  }

  private static ResultColumn column(Column c) {
    return new ResultColumn(c.name(), c.type());
  }
}
