package io.omnigraph.engine.exec;

/** Compares two row positions. */
@FunctionalInterface
interface IntComparator {
  int compare(int a, int b);
}
