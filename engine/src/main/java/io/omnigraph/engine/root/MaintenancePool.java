package io.omnigraph.engine.root;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Bounded parallelism of the per-dataset maintenance work ({@code
 * OMNIGRAPH_MAINTENANCE_CONCURRENCY}, default 8): maps a list in order, at most that many datasets
 * at a time. Each dataset is touched by one task only; the manifest publish stays single-threaded.
 */
final class MaintenancePool {
  static final String ENV = "OMNIGRAPH_MAINTENANCE_CONCURRENCY";
  static final int DEFAULT = 8;

  private MaintenancePool() {}

  static int concurrency() {
    String v = System.getenv(ENV);
    if (v == null || v.isBlank()) {
      return DEFAULT;
    }
    try {
      return Math.max(1, Integer.parseInt(v.strip()));
    } catch (NumberFormatException e) {
      throw new RootException(
          RootException.Kind.UNSUPPORTED,
          ENV + " must be a positive whole number (got '" + v + "')");
    }
  }

  /** {@code fn} over {@code items}, results in input order; the first failure is rethrown. */
  static <T, R> List<R> map(List<T> items, Function<T, R> fn) {
    int n = Math.min(concurrency(), items.size());
    if (n <= 1) {
      return items.stream().map(fn).toList();
    }
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      List<Future<R>> futures = new ArrayList<>();
      for (T t : items) {
        futures.add(pool.submit(() -> fn.apply(t)));
      }
      List<R> out = new ArrayList<>();
      for (Future<R> f : futures) {
        out.add(f.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("maintenance interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdown();
    }
  }
}
