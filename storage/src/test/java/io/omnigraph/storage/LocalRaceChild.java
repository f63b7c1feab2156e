package io.omnigraph.storage;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One racing process of {@link LocalCrossProcessRaceTest}. Arguments: root, sync directory, racer
 * id, hard links (true/false), the version of {@code race/cas} to swap from, increments. Signals
 * {@code ready-<id>}, waits for {@code go}, then races and prints {@code create=won|lost}, {@code
 * cas=won|lost} and {@code counter=<attempts>}.
 */
public final class LocalRaceChild {
  private LocalRaceChild() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    Path sync = Path.of(args[1]);
    String id = args[2];
    LocalObjectStore store = new LocalObjectStore(root, Boolean.parseBoolean(args[3]));
    VersionToken start = new VersionToken(args[4]);
    int increments = Integer.parseInt(args[5]);
    Files.createFile(sync.resolve("ready-" + id));
    while (!Files.exists(sync.resolve("go"))) {
      Thread.onSpinWait();
    }
    byte[] mine = ("racer-" + id).getBytes(StandardCharsets.UTF_8);
    System.out.println(
        "create=" + (store.createIfAbsent("race/created", mine).isPresent() ? "won" : "lost"));
    System.out.println("cas=" + swap(store, mine, start));
    int attempts = 0;
    for (int i = 0; i < increments; i++) {
      attempts += Counter.increment(store, "race/counter");
    }
    System.out.println("counter=" + attempts);
  }

  private static String swap(LocalObjectStore store, byte[] mine, VersionToken start) {
    try {
      store.compareAndSwap("race/cas", mine, start);
      return "won";
    } catch (StorageException e) {
      return e.isPreconditionFailed() ? "lost" : "error " + e;
    }
  }
}
