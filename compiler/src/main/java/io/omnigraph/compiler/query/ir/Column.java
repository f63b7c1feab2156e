package io.omnigraph.compiler.query.ir;

/**
 * One output column of a read.
 *
 * @param name the column name (see {@link ReadPlan} for the naming rule)
 * @param expr what it computes; its {@link IrExpr#type()} is the column type
 * @param aggregate whether {@code expr} is an aggregate
 * @param groupKey whether the column is a grouping key of an aggregate query
 */
public record Column(String name, IrExpr expr, boolean aggregate, boolean groupKey) {
  public QType type() {
    return expr.type();
  }
}
