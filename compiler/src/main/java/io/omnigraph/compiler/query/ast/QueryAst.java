package io.omnigraph.compiler.query.ast;

import io.omnigraph.compiler.query.FilterOp;
import java.util.List;

/**
 * The syntax tree of a {@code .gq} file, before any name is resolved. Every node keeps character
 * offsets ({@code start} inclusive, {@code end} exclusive) so that the checker can point at it.
 * Variable names are kept without the leading {@code $}.
 */
public final class QueryAst {
  private QueryAst() {}

  /** A whole file: query declarations in source order. */
  public record File(List<QueryDecl> queries) {
    public File {
      queries = List.copyOf(queries);
    }
  }

  /**
   * A name with its span. For variables {@code text} has no leading {@code $} but the span covers
   * it.
   */
  public record Name(String text, int start, int end) {}

  /** {@code query name(params) @description(…) @instruction(…) { body }}. */
  public record QueryDecl(
      Name name,
      List<Param> params,
      String description,
      String instruction,
      Body body,
      int start,
      int end) {
    public QueryDecl {
      params = List.copyOf(params);
    }

    public boolean isMutation() {
      return body instanceof MutationBody;
    }
  }

  /** {@code $name: Type}. */
  public record Param(Name name, TypeRef type) {}

  /**
   * A parameter type: a base scalar ({@code base} set, {@code list} false), a list {@code [base]},
   * or {@code Vector(n)} ({@code base} null, {@code vectorDim > 0}); {@code optional} when {@code
   * ?} was written.
   */
  public record TypeRef(
      String base, boolean list, int vectorDim, boolean optional, int start, int end) {}

  /** A query body. */
  public sealed interface Body permits ReadBody, MutationBody {}

  /** {@code match {…} return {…} [order {…}] [limit N]}. */
  public record ReadBody(
      List<Clause> match,
      List<Projection> projections,
      List<Ordering> order,
      Limit limit,
      int returnStart)
      implements Body {
    public ReadBody {
      match = List.copyOf(match);
      projections = List.copyOf(projections);
      order = List.copyOf(order);
    }
  }

  /** One or more {@code insert}/{@code update}/{@code delete} statements. */
  public record MutationBody(List<Stmt> statements) implements Body {
    public MutationBody {
      statements = List.copyOf(statements);
    }
  }

  /** A clause of a {@code match} block (or of a {@code not} block inside it). */
  public sealed interface Clause permits Binding, Traversal, Filter, Negation, TextSearch {
    int start();

    int end();
  }

  /** {@code $x: Type { prop: value, … }}. */
  public record Binding(Name var, Name type, List<PropMatch> props, int start, int end)
      implements Clause {
    public Binding {
      props = List.copyOf(props);
    }
  }

  /** {@code prop: value} inside a binding. */
  public record PropMatch(Name prop, Expr value) {}

  /**
   * {@code $a [$w:] edge [{min,max}] $b}, or with {@code <edge>} when {@code undirected}. {@code
   * edgeVar} and {@code hops} may be null.
   */
  public record Traversal(
      Name src,
      Name edgeVar,
      Name edge,
      boolean undirected,
      HopBounds hops,
      Name dst,
      int start,
      int end)
      implements Clause {}

  /** {@code {min,max}}; {@code max} is null when omitted (which the checker rejects). */
  public record HopBounds(long min, Long max, int start, int end) {}

  /** {@code left op right}. */
  public record Filter(Expr left, FilterOp op, Expr right, int opStart, int opEnd)
      implements Clause {
    @Override
    public int start() {
      return left.start();
    }

    @Override
    public int end() {
      return right.end();
    }
  }

  /** {@code not { clauses }}. */
  public record Negation(List<Clause> clauses, int start, int end) implements Clause {
    public Negation {
      clauses = List.copyOf(clauses);
    }
  }

  /** A text-search call ({@code search}, {@code fuzzy}, {@code match_text}) used as a clause. */
  public record TextSearch(Call call) implements Clause {
    @Override
    public int start() {
      return call.start();
    }

    @Override
    public int end() {
      return call.end();
    }
  }

  /** An expression. */
  public sealed interface Expr permits Now, Call, Prop, Var, AliasRef, Lit {
    int start();

    int end();
  }

  /** {@code now()}. */
  public record Now(int start, int end) implements Expr {}

  /**
   * A function call: {@code nearest}, {@code search}, {@code fuzzy}, {@code match_text}, {@code
   * bm25}, {@code rrf} or an aggregate ({@code count}, {@code sum}, {@code avg}, {@code min},
   * {@code max}).
   */
  public record Call(Name fn, List<Expr> args, int start, int end) implements Expr {
    public Call {
      args = List.copyOf(args);
    }
  }

  /** {@code $var.prop}. */
  public record Prop(Name var, Name prop, int start, int end) implements Expr {}

  /** {@code $var}: a match variable or a parameter. */
  public record Var(Name name) implements Expr {
    @Override
    public int start() {
      return name.start();
    }

    @Override
    public int end() {
      return name.end();
    }
  }

  /** A bare identifier: a reference to an {@code as} alias. */
  public record AliasRef(Name name) implements Expr {
    @Override
    public int start() {
      return name.start();
    }

    @Override
    public int end() {
      return name.end();
    }
  }

  /**
   * A literal. {@code text} is the decoded string, the digits of a number, {@code true}/{@code
   * false}, or the quoted argument of {@code date(…)}/{@code datetime(…)}; {@code items} holds the
   * elements of a list literal.
   */
  public record Lit(LitKind kind, String text, List<Lit> items, int start, int end)
      implements Expr {
    public Lit {
      items = List.copyOf(items);
    }
  }

  /** What a literal was written as. */
  public enum LitKind {
    STRING,
    INT,
    FLOAT,
    BOOL,
    DATE,
    DATETIME,
    LIST
  }

  /** {@code expr [as alias]} in a return block. */
  public record Projection(Expr expr, Name alias) {}

  /** {@code expr [asc|desc]}; {@code descending} is null when no direction was written. */
  public record Ordering(Expr expr, Boolean descending, int start, int end) {}

  /** {@code limit N}. */
  public record Limit(long value, int start, int end) {}

  /** A mutation statement. */
  public sealed interface Stmt permits Insert, Update, Delete {
    Name type();

    int start();

    int end();
  }

  /** {@code insert Type { prop: value, … }}. */
  public record Insert(Name type, List<Assignment> values, int start, int end) implements Stmt {
    public Insert {
      values = List.copyOf(values);
    }
  }

  /** {@code update Type set { … } where predicate}. */
  public record Update(
      Name type, List<Assignment> values, Predicate where, int start, int end, int setStart)
      implements Stmt {
    public Update {
      values = List.copyOf(values);
    }
  }

  /** {@code delete Type where predicate}. */
  public record Delete(Name type, Predicate where, int start, int end) implements Stmt {}

  /** {@code prop: value} in an insert or update. */
  public record Assignment(Name prop, Expr value) {}

  /** {@code prop op value} after {@code where}. */
  public record Predicate(Name prop, FilterOp op, Expr value) {}
}
