package io.omnigraph.compiler.diag;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** An append-only collection of diagnostics, gathered instead of failing fast. */
public final class Diagnostics {
  private final List<Diagnostic> items = new ArrayList<>();

  public void add(Diagnostic d) {
    items.add(d);
  }

  public void addAll(Iterable<Diagnostic> ds) {
    ds.forEach(items::add);
  }

  public boolean hasErrors() {
    for (Diagnostic d : items) {
      if (d.isError()) {
        return true;
      }
    }
    return false;
  }

  public int size() {
    return items.size();
  }

  public List<Diagnostic> list() {
    return Collections.unmodifiableList(items);
  }

  public List<Diagnostic> copy() {
    return List.copyOf(items);
  }
}
