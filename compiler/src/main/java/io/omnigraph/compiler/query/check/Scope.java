package io.omnigraph.compiler.query.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The variables of one match block. A {@code not { }} block gets a child scope: it sees the outer
 * variables, and the ones it binds itself stay local. Lookups that reach an outer scope are
 * remembered, so a negation can prove it mentions an outer variable.
 */
final class Scope {
  private final Scope parent;
  private final Map<String, VarInfo> vars = new LinkedHashMap<>();
  private final Set<String> outerRefs = new LinkedHashSet<>();
  private final Set<String> nestedLocals = new LinkedHashSet<>();

  Scope(Scope parent) {
    this.parent = parent;
  }

  Scope child() {
    return new Scope(this);
  }

  /** The variable in this scope or an enclosing one, or null. */
  VarInfo lookup(String name) {
    VarInfo v = vars.get(name);
    if (v != null || parent == null) {
      return v;
    }
    VarInfo outer = parent.lookup(name);
    if (outer != null) {
      outerRefs.add(name);
    }
    return outer;
  }

  void declare(VarInfo v) {
    vars.put(v.name(), v);
  }

  List<VarInfo> locals() {
    return new ArrayList<>(vars.values());
  }

  /** Outer variables this scope mentioned. */
  Set<String> outerRefs() {
    return outerRefs;
  }

  /** Records the variable names that nested {@code not} blocks mention. */
  void noteNestedNames(java.util.Collection<String> names) {
    nestedLocals.addAll(names);
  }

  /** Whether a {@code not} block nested in this scope mentions {@code name}. */
  boolean mentionedInNested(String name) {
    return nestedLocals.contains(name);
  }
}
