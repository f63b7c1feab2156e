package io.omnigraph.engine.exec;

import java.util.BitSet;

/**
 * A match condition of a block: an inline property match, a filter line or a text-search clause. It
 * becomes testable once every slot in {@code needs} is bound. {@code equality} is set when the
 * condition is {@code $v.prop = constant}, which a scan may answer by id lookup or a column hash
 * index.
 */
record Cond(RowPredicate predicate, BitSet needs, EqConst equality) {
  /** {@code $var.prop = value} with a constant value (already in the property's representation). */
  record EqConst(String var, String prop, Object value) {}

  boolean readyWith(BitSet bound) {
    BitSet missing = (BitSet) needs.clone();
    missing.andNot(bound);
    return missing.isEmpty();
  }
}
