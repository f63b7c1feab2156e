package io.omnigraph.compiler.query.check;

import io.omnigraph.compiler.diag.Diagnostic;
import io.omnigraph.compiler.diag.Result;
import io.omnigraph.compiler.query.QueryCode;
import io.omnigraph.compiler.query.ast.QueryAst.MutationBody;
import io.omnigraph.compiler.query.ast.QueryAst.Param;
import io.omnigraph.compiler.query.ast.QueryAst.QueryDecl;
import io.omnigraph.compiler.query.ast.QueryAst.ReadBody;
import io.omnigraph.compiler.query.ast.QueryAst.TypeRef;
import io.omnigraph.compiler.query.ir.CompiledQuery;
import io.omnigraph.compiler.query.ir.IrExpr;
import io.omnigraph.compiler.query.ir.MutationOp;
import io.omnigraph.compiler.query.ir.QueryKind;
import io.omnigraph.compiler.query.ir.QueryParam;
import io.omnigraph.compiler.query.ir.ReadPlan;
import io.omnigraph.compiler.schema.Catalog;
import io.omnigraph.compiler.schema.PropType;
import io.omnigraph.compiler.schema.ScalarType;
import io.omnigraph.compiler.source.SourceText;
import java.util.Comparator;
import java.util.List;

/**
 * Type-checks one parsed query against a catalog. Diagnostics come back sorted by source position,
 * so the first one is the earliest problem in the text.
 */
public final class QueryChecker {
  private QueryChecker() {}

  public static Result<CompiledQuery> check(Catalog catalog, SourceText src, QueryDecl q) {
    CheckContext ctx = new CheckContext(catalog, src);
    params(ctx, q);
    ReadPlan read = null;
    List<MutationOp> mutations = List.of();
    if (q.body() instanceof ReadBody r) {
      read = new ReadChecker(ctx).check(r);
    } else {
      List<MutationOp> ops =
          new MutationChecker(ctx).check(q.name().text(), (MutationBody) q.body());
      mutations = ops == null ? List.of() : ops;
    }
    List<Diagnostic> sorted =
        ctx.diagnostics.stream().sorted(Comparator.comparingInt(Diagnostic::start)).toList();
    if (ctx.hasErrors()) {
      return Result.failed(sorted);
    }
    QueryKind kind = q.isMutation() ? QueryKind.MUTATION : QueryKind.READ;
    CompiledQuery compiled =
        new CompiledQuery(
            q.name().text(),
            kind,
            List.copyOf(ctx.params.values()),
            q.description(),
            q.instruction(),
            ctx.usesNow,
            read,
            mutations,
            src.position(q.start(), q.name().end()));
    return Result.ok(compiled, sorted);
  }

  private static void params(CheckContext ctx, QueryDecl q) {
    for (Param p : q.params()) {
      String name = p.name().text();
      if (name.equals(IrExpr.NOW_PARAM)) {
        ctx.error(
            QueryCode.INVALID_PARAM,
            p.name().start(),
            p.name().end(),
            "$" + name + " is reserved for now(); use now() in the query or pick another name");
      } else if (ctx.params.containsKey(name)) {
        ctx.error(
            QueryCode.INVALID_PARAM,
            p.name().start(),
            p.name().end(),
            "parameter $" + name + " is declared twice; remove or rename one");
      } else {
        ctx.params.put(name, new QueryParam(name, type(p.type())));
        blobInRead(ctx, q, p);
      }
    }
  }

  private static void blobInRead(CheckContext ctx, QueryDecl q, Param p) {
    TypeRef t = p.type();
    if (!q.isMutation() && "Blob".equals(t.base())) {
      ctx.error(
          QueryCode.T24,
          t.start(),
          t.end(),
          "Blob parameters are allowed only in mutations, as values to store; a read cannot use"
              + " Blob values");
    }
  }

  static PropType type(TypeRef t) {
    if (t.vectorDim() > 0) {
      return PropType.vector(t.vectorDim(), t.optional());
    }
    ScalarType s = ScalarType.fromSpelling(t.base()).orElseThrow();
    return t.list() ? PropType.listOf(s, t.optional()) : PropType.scalar(s, t.optional());
  }
}
