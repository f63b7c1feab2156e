package io.omnigraph.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract on a local directory (hard-link create), plus local-only behaviour. */
class LocalObjectStoreTest extends ObjectStoreContractTest {
  @TempDir Path temp;

  @Override
  protected ObjectStore newStore() {
    return new LocalObjectStore(temp.resolve("root"));
  }

  private Path root() {
    return ((LocalObjectStore) store).root();
  }

  @Test
  void theRootIsCreatedOnFirstWrite() {
    assertThat(root()).doesNotExist();
    assertThat(store.list("")).isEmpty();
    assertThat(store.get("a")).isEmpty();
    store.put("a", bytes("x"));
    assertThat(root().resolve("a")).hasContent("x");
    assertThat(store.isLocal()).isTrue();
    assertThat(store.uri()).isEqualTo(root().toString());
  }

  @Test
  void versionIsTheSha256OfTheContent() {
    VersionToken token = store.put("k", bytes("abc"));
    assertThat(token.value())
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void tempAndLockFilesNeverShowUp() throws Exception {
    VersionToken v = store.put("d/k", bytes("1"));
    store.compareAndSwap("d/k", bytes("2"), v);
    store.createIfAbsent("d/new", bytes("3"));
    Files.writeString(root().resolve("d/.~og.tmp.deadbeef"), "half-written");
    try (Stream<Path> files = Files.list(root().resolve("d"))) {
      assertThat(files.map(p -> p.getFileName().toString())).contains(".~og.lock.k");
    }
    assertThat(store.list("")).containsExactly("d/k", "d/new");
    assertThat(store.list("d/.")).isEmpty();
  }

  @Test
  void deletePrefixRemovesDirectoriesAndSidecars() {
    VersionToken v = store.put("g/x.omni/a/b", bytes("1"));
    store.compareAndSwap("g/x.omni/a/b", bytes("2"), v);
    store.put("g/keep", bytes("k"));
    store.deletePrefix("g/x.omni/");
    assertThat(root().resolve("g/x.omni")).doesNotExist();
    assertThat(root().resolve("g/keep")).exists();
  }

  @Test
  void aKeyCannotAlsoBeADirectory() {
    store.put("a/b", bytes("x"));
    assertKind(() -> store.put("a", bytes("y")), StorageException.Kind.PERMANENT);
    assertKind(() -> store.createIfAbsent("a", bytes("y")), StorageException.Kind.PERMANENT);
    assertKind(() -> store.put("a/b/c", bytes("y")), StorageException.Kind.PERMANENT);
    assertThat(store.get("a")).isEmpty();
    assertThat(store.exists("a")).isFalse();
    assertThat(store.list("")).containsExactly("a/b");
  }

  @Test
  void aFileAsRootIsAConfigurationError() throws Exception {
    Path file = Files.writeString(temp.resolve("file"), "x");
    assertKind(() -> new LocalObjectStore(file), StorageException.Kind.CONFIGURATION);
  }

  @Test
  void twoStoreInstancesOnOneRootShareLocks() throws Exception {
    try (ObjectStore other = new LocalObjectStore(root())) {
      VersionToken start = store.put("shared", bytes("0"));
      var results =
          Racers.run(
              8,
              i -> {
                ObjectStore s = i % 2 == 0 ? store : other;
                try {
                  return s.compareAndSwap("shared", bytes("w" + i), start);
                } catch (StorageException e) {
                  return e.kind();
                }
              });
      assertThat(Racers.indexesWhere(results, r -> r instanceof VersionToken)).hasSize(1);
    }
  }

  static void assertKind(Runnable call, StorageException.Kind kind) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.kind()).isEqualTo(kind));
  }
}
