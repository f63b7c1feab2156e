package io.omnigraph.engine.exec;

/** A compiled expression: its value (runtime representation, null for NULL) on one row. */
@FunctionalInterface
interface RowExpr {
  Object eval(RowAccess row);
}
