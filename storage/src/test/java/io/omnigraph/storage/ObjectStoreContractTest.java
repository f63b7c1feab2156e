package io.omnigraph.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The behaviour every {@link ObjectStore} must have (see its Javadoc), including races between
 * threads. Subclasses supply a fresh, empty store per test.
 */
public abstract class ObjectStoreContractTest {
  protected ObjectStore store;

  /** A store over a fresh, empty root. */
  protected abstract ObjectStore newStore() throws Exception;

  @BeforeEach
  void openStore() throws Exception {
    store = newStore();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  protected static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }

  @Test
  void absentKeyReadsAsEmpty() {
    assertThat(store.get("nothing/here")).isEmpty();
    assertThat(store.exists("nothing/here")).isFalse();
  }

  @Test
  void putThenGetReturnsBytesAndTheSameVersion() {
    VersionToken token = store.put("a/b.json", bytes("{\"x\":1}"));
    StoredObject read = store.get("a/b.json").orElseThrow();
    assertThat(read.utf8()).isEqualTo("{\"x\":1}");
    assertThat(read.version()).isEqualTo(token);
    assertThat(store.exists("a/b.json")).isTrue();
  }

  @Test
  void putOverwritesAndChangesTheVersion() {
    VersionToken first = store.put("k", bytes("one"));
    VersionToken second = store.put("k", bytes("two"));
    assertThat(second).isNotEqualTo(first);
    assertThat(store.get("k").orElseThrow().utf8()).isEqualTo("two");
  }

  @Test
  void createIfAbsentWritesOnlyOnce() {
    Optional<VersionToken> first = store.createIfAbsent("lock.json", bytes("first"));
    Optional<VersionToken> second = store.createIfAbsent("lock.json", bytes("second"));
    assertThat(first).isPresent();
    assertThat(second).isEmpty();
    StoredObject read = store.get("lock.json").orElseThrow();
    assertThat(read.utf8()).isEqualTo("first");
    assertThat(read.version()).isEqualTo(first.get());
  }

  @Test
  void createIfAbsentLosesToAPut() {
    store.put("k", bytes("put"));
    assertThat(store.createIfAbsent("k", bytes("create"))).isEmpty();
    assertThat(store.get("k").orElseThrow().utf8()).isEqualTo("put");
  }

  @Test
  void compareAndSwapWithTheCurrentVersionSucceeds() {
    VersionToken v1 = store.put("ledger.json", bytes("v1"));
    VersionToken v2 = store.compareAndSwap("ledger.json", bytes("v2"), v1);
    StoredObject read = store.get("ledger.json").orElseThrow();
    assertThat(read.utf8()).isEqualTo("v2");
    assertThat(read.version()).isEqualTo(v2);
    VersionToken v3 = store.compareAndSwap("ledger.json", bytes("v3"), v2);
    assertThat(store.get("ledger.json").orElseThrow().version()).isEqualTo(v3);
  }

  @Test
  void compareAndSwapWithAStaleVersionFails() {
    VersionToken v1 = store.put("ledger.json", bytes("v1"));
    store.compareAndSwap("ledger.json", bytes("v2"), v1);
    assertPreconditionFailed(() -> store.compareAndSwap("ledger.json", bytes("v3"), v1));
    assertThat(store.get("ledger.json").orElseThrow().utf8()).isEqualTo("v2");
  }

  @Test
  void compareAndSwapOnAnAbsentKeyFails() {
    VersionToken elsewhere = store.put("other", bytes("x"));
    assertPreconditionFailed(() -> store.compareAndSwap("missing/key", bytes("y"), elsewhere));
    assertPreconditionFailed(() -> store.compareAndSwap("missing", bytes("y"), elsewhere));
    assertThat(store.exists("missing")).isFalse();
  }

  @Test
  void compareAndSwapAfterDeleteFails() {
    VersionToken v1 = store.put("k", bytes("v1"));
    store.delete("k");
    assertPreconditionFailed(() -> store.compareAndSwap("k", bytes("v2"), v1));
    assertThat(store.get("k")).isEmpty();
  }

  @Test
  void createIfAbsentAfterDeleteSucceeds() {
    store.createIfAbsent("k", bytes("one"));
    store.delete("k");
    assertThat(store.createIfAbsent("k", bytes("two"))).isPresent();
    assertThat(store.get("k").orElseThrow().utf8()).isEqualTo("two");
  }

  @Test
  void listIsRecursiveAndSorted() {
    List<String> keys =
        new ArrayList<>(
            List.of("b", "a/z", "a/b/c", "a/b/a", "c/d/e/f", "a-b", "A", "a.b", "a/b0", "0"));
    Collections.shuffle(keys, new Random(7));
    keys.forEach(k -> store.put(k, bytes(k)));
    assertThat(store.list(""))
        .containsExactly("0", "A", "a-b", "a.b", "a/b/a", "a/b/c", "a/b0", "a/z", "b", "c/d/e/f");
  }

  @Test
  void listUsesStringPrefixesAndIsolatesSiblings() {
    for (String k : List.of("a/x", "a/b/c", "ab/y", "abc", "b/a/x")) {
      store.put(k, bytes(k));
    }
    assertThat(store.list("a/")).containsExactly("a/b/c", "a/x");
    assertThat(store.list("a")).containsExactly("a/b/c", "a/x", "ab/y", "abc");
    assertThat(store.list("a/b")).containsExactly("a/b/c");
    assertThat(store.list("ab")).containsExactly("ab/y", "abc");
    assertThat(store.list("b/")).containsExactly("b/a/x");
    assertThat(store.list("zzz/")).isEmpty();
    assertThat(store.list("a/x/")).isEmpty();
  }

  @Test
  void listOrdersByCodePoint() {
    // U+FB00 sorts before U+1D11E by code point (and UTF-8 bytes), after it in UTF-16 order.
    for (String k : List.of("\uD834\uDD1E", "\uFB00", "\u00E9", "z")) {
      store.put("u/" + k, bytes(k));
    }
    assertThat(store.list("u/")).containsExactly("u/z", "u/\u00E9", "u/\uFB00", "u/\uD834\uDD1E");
    assertThat(store.get("u/\uD834\uDD1E").orElseThrow().utf8()).isEqualTo("\uD834\uDD1E");
  }

  @Test
  void deleteIsIdempotent() {
    store.delete("never/existed");
    store.put("k", bytes("x"));
    store.delete("k");
    store.delete("k");
    assertThat(store.get("k")).isEmpty();
    assertThat(store.list("")).isEmpty();
  }

  @Test
  void deletePrefixDeletesOnlyMatchingKeys() {
    for (String k : List.of("g/a.omni/1", "g/a.omni/d/2", "g/ab", "h/1", "g/b.omni/1")) {
      store.put(k, bytes(k));
    }
    store.compareAndSwap("g/a.omni/1", bytes("v2"), store.get("g/a.omni/1").get().version());
    assertThat(store.deletePrefix("g/a.omni/")).isEqualTo(2);
    assertThat(store.list("")).containsExactly("g/ab", "g/b.omni/1", "h/1");
    assertThat(store.deletePrefix("g/a")).isEqualTo(1);
    assertThat(store.deletePrefix("nothing/")).isZero();
    assertThat(store.list("")).containsExactly("g/b.omni/1", "h/1");
    assertThat(store.createIfAbsent("g/a.omni/1", bytes("again"))).isPresent();
    assertThat(store.get("g/a.omni/1").orElseThrow().utf8()).isEqualTo("again");
  }

  @Test
  void deletePrefixOfEverything() {
    for (int i = 0; i < 30; i++) {
      store.put("d" + (i % 3) + "/k" + i, bytes("v" + i));
    }
    assertThat(store.deletePrefix("")).isEqualTo(30);
    assertThat(store.list("")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "/abs",
        "trailing/",
        "a//b",
        "..",
        "../escape",
        "a/../../escape",
        "a/./b",
        ".",
        "back\\slash",
        "nul\u0000byte",
        "new\nline",
        ".~og.tmp.1234",
        "a/.~og.lock.b",
        "lone\uD800surrogate"
      })
  void invalidKeysAreRejectedBeforeAnyIo(String key) {
    assertPermanent(() -> store.get(key));
    assertPermanent(() -> store.exists(key));
    assertPermanent(() -> store.put(key, bytes("x")));
    assertPermanent(() -> store.createIfAbsent(key, bytes("x")));
    assertPermanent(() -> store.compareAndSwap(key, bytes("x"), new VersionToken("t")));
    assertPermanent(() -> store.delete(key));
    assertThat(store.list("")).isEmpty();
  }

  @Test
  void overlongSegmentsAreRejected() {
    assertPermanent(() -> store.put("x".repeat(201), bytes("x")));
    store.put("x".repeat(200), bytes("ok"));
    assertThat(store.list("")).containsExactly("x".repeat(200));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/a", "../", "a/../", "a//", "./", ".~og.tmp/", "x\\y"})
  void invalidPrefixesAreRejected(String prefix) {
    assertPermanent(() -> store.list(prefix));
    assertPermanent(() -> store.deletePrefix(prefix));
  }

  @Test
  void largeObjectRoundTrips() {
    byte[] big = new byte[5 * 1024 * 1024 + 17];
    new Random(42).nextBytes(big);
    VersionToken token = store.put("big/blob.bin", big);
    StoredObject read = store.get("big/blob.bin").orElseThrow();
    assertThat(read.bytes()).isEqualTo(big);
    assertThat(read.version()).isEqualTo(token);
    big[0] ^= 1;
    VersionToken next = store.compareAndSwap("big/blob.bin", big, token);
    assertThat(store.get("big/blob.bin").orElseThrow().version()).isEqualTo(next);
    assertPreconditionFailed(() -> store.compareAndSwap("big/blob.bin", big, token));
    assertThat(store.createIfAbsent("big/blob.bin", big)).isEmpty();
  }

  @Test
  void arbitraryBinaryAndEmptyContentRoundTrip() {
    byte[] all = new byte[512];
    for (int i = 0; i < all.length; i++) {
      all[i] = (byte) i;
    }
    store.put("bin/all-bytes", all);
    store.createIfAbsent("bin/empty", new byte[0]);
    assertThat(store.get("bin/all-bytes").orElseThrow().bytes()).isEqualTo(all);
    assertThat(store.get("bin/empty").orElseThrow().bytes()).isEmpty();
    assertThat(store.exists("bin/empty")).isTrue();
  }

  @Test
  void keysWithSpacesAndPunctuationWork() {
    String key = "graphs/my graph+1 (copy)/schema=v1;a,b@c~d'e.pg";
    store.put(key, bytes("ok"));
    assertThat(store.list("graphs/")).containsExactly(key);
    assertThat(store.get(key).orElseThrow().utf8()).isEqualTo("ok");
  }

  @Test
  void describesItself() {
    assertThat(store.uri()).isNotBlank();
    assertThat(store.describe()).isNotBlank();
    assertThat(store.uriOf("a/b")).startsWith(store.uri()).endsWith("a/b");
  }

  // ---- races -------------------------------------------------------------------------------

  private static final int RACERS = 16;

  @Test
  void racingCreateIfAbsentHasExactlyOneWinner() throws Exception {
    for (int round = 0; round < 3; round++) {
      String key = "race/lock-" + round + ".json";
      List<Optional<VersionToken>> results =
          Racers.run(RACERS, i -> store.createIfAbsent(key, bytes("writer-" + i)));
      List<Integer> winners = Racers.indexesWhere(results, Optional::isPresent);
      assertThat(winners).hasSize(1);
      StoredObject read = store.get(key).orElseThrow();
      assertThat(read.utf8()).isEqualTo("writer-" + winners.get(0));
      assertThat(read.version()).isEqualTo(results.get(winners.get(0)).get());
    }
  }

  @Test
  void racingCompareAndSwapFromOneVersionHasExactlyOneWinner() throws Exception {
    for (int round = 0; round < 3; round++) {
      String key = "race/head-" + round;
      VersionToken start = store.put(key, bytes("start"));
      List<Object> results = Racers.run(RACERS, i -> swapOrFailure(key, "writer-" + i, start));
      List<Integer> winners = Racers.indexesWhere(results, r -> r instanceof VersionToken);
      assertThat(winners).hasSize(1);
      assertThat(results)
          .filteredOn(r -> !(r instanceof VersionToken))
          .allSatisfy(r -> assertThat(r).isEqualTo(StorageException.Kind.PRECONDITION_FAILED));
      StoredObject read = store.get(key).orElseThrow();
      assertThat(read.utf8()).isEqualTo("writer-" + winners.get(0));
      assertThat(read.version()).isEqualTo(results.get(winners.get(0)));
    }
  }

  @Test
  void compareAndSwapRetryLoopsNeverLoseAnIncrement() throws Exception {
    store.put("race/counter", bytes("0"));
    Racers.run(
        8,
        i -> {
          for (int n = 0; n < 25; n++) {
            Counter.increment(store, "race/counter");
          }
          return null;
        });
    assertThat(store.get("race/counter").orElseThrow().utf8()).isEqualTo("200");
  }

  @Test
  void readersNeverSeeATornPut() throws Exception {
    byte[] as = new byte[256 * 1024];
    byte[] bs = new byte[256 * 1024];
    java.util.Arrays.fill(as, (byte) 'a');
    java.util.Arrays.fill(bs, (byte) 'b');
    store.put("torn", as);
    List<Object> results =
        Racers.run(4, i -> i == 0 ? writeAlternately(as, bs) : readUniformly(as.length));
    assertThat(results).containsOnly(true);
  }

  private Object swapOrFailure(String key, String value, VersionToken expected) {
    try {
      return store.compareAndSwap(key, bytes(value), expected);
    } catch (StorageException e) {
      return e.kind();
    }
  }

  private boolean writeAlternately(byte[] as, byte[] bs) {
    for (int n = 0; n < 20; n++) {
      store.put("torn", n % 2 == 0 ? bs : as);
    }
    return true;
  }

  private boolean readUniformly(int length) {
    for (int n = 0; n < 20; n++) {
      byte[] read = store.get("torn").orElseThrow().bytes();
      if (read.length != length) {
        return false;
      }
      for (byte b : read) {
        if (b != read[0]) {
          return false;
        }
      }
    }
    return true;
  }

  protected static void assertPreconditionFailed(Runnable call) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            StorageException.class,
            e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.PRECONDITION_FAILED));
  }

  protected static void assertPermanent(Runnable call) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            StorageException.class,
            e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.PERMANENT));
  }
}
