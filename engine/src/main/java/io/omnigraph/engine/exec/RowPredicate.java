package io.omnigraph.engine.exec;

/** A compiled match condition. */
@FunctionalInterface
interface RowPredicate {
  boolean test(RowAccess row);
}
