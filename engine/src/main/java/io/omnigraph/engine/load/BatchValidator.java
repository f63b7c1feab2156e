package io.omnigraph.engine.load;

/**
 * The checks that need the whole batch, run once after the last line: endpoint resolution (and
 * overwrite's dangling edges), {@code @unique}, then {@code @card}. Each check finds its lowest-
 * line violation; the lowest of those is thrown. Line-local errors never get here: the reader stops
 * at the first of them.
 */
final class BatchValidator {
  private BatchValidator() {}

  static void validate(BatchStager st) {
    LoadException endpoints = new EndpointCheck(st).run();
    if (endpoints != null) {
      throw endpoints; // the other checks need resolved endpoints
    }
    LoadException first = earlier(new UniqueCheck(st).run(), new CardinalityCheck(st).run());
    if (first != null) {
      throw first;
    }
  }

  /** The error with the lower line (the first when equal); either may be null. */
  static LoadException earlier(LoadException a, LoadException b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return b.line() < a.line() ? b : a;
  }
}
