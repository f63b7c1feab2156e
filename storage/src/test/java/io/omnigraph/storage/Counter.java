package io.omnigraph.storage;

import java.nio.charset.StandardCharsets;

/** A decimal counter in one object, incremented by a compare-and-swap retry loop. */
public final class Counter {
  private Counter() {}

  /** Adds one; returns how many attempts it took. */
  public static int increment(ObjectStore store, String key) {
    for (int attempt = 1; ; attempt++) {
      StoredObject current = store.get(key).orElseThrow();
      long next = Long.parseLong(current.utf8()) + 1;
      try {
        store.compareAndSwap(
            key, Long.toString(next).getBytes(StandardCharsets.UTF_8), current.version());
        return attempt;
      } catch (StorageException e) {
        if (!e.isPreconditionFailed()) {
          throw e;
        }
        Thread.onSpinWait();
      }
    }
  }
}
