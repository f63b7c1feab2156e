package io.omnigraph.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Runs N tasks that start at the same instant and collects their results in task order. */
public final class Racers {
  /** One racer's work; {@code index} is 0..n-1. */
  @FunctionalInterface
  public interface Task<T> {
    T run(int index) throws Exception;
  }

  private Racers() {}

  public static <T> List<T> run(int n, Task<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    CountDownLatch ready = new CountDownLatch(n);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int index = i;
        futures.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  return task.run(index);
                }));
      }
      ready.await();
      go.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get(60, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  public static <T> List<Integer> indexesWhere(List<T> results, Predicate<? super T> test) {
    List<Integer> indexes = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      if (test.test(results.get(i))) {
        indexes.add(i);
      }
    }
    return indexes;
  }
}
