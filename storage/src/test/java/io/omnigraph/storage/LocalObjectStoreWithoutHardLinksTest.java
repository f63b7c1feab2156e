package io.omnigraph.storage;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The contract again with the fallback create-if-absent (locked check + atomic move). */
class LocalObjectStoreWithoutHardLinksTest extends ObjectStoreContractTest {
  @TempDir Path temp;

  @Override
  protected ObjectStore newStore() {
    return new LocalObjectStore(temp.resolve("root"), false);
  }
}
