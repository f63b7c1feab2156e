package io.omnigraph.storage;

import java.nio.charset.StandardCharsets;

/**
 * The bytes of one object and the version they were read at. The array belongs to the caller:
 * stores never keep a reference to it.
 */
public record StoredObject(byte[] bytes, VersionToken version) {
  /** The content decoded as UTF-8. */
  public String utf8() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "StoredObject[" + bytes.length + " bytes, version=" + version + "]";
  }
}
