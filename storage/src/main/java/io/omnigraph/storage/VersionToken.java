package io.omnigraph.storage;

/**
 * An opaque version of one object, returned by reads and writes and passed back to {@link
 * ObjectStore#compareAndSwap}. Compare tokens only with {@link #equals}, and only tokens from the
 * same store.
 *
 * <p>Local stores use the SHA-256 of the content (lowercase hex); S3 stores use the ETag exactly as
 * the server returned it (with its quotes). Either way equal content may yield equal tokens, so a
 * value that goes A → B → A makes an old token for A valid again: writers that must not accept that
 * (ABA) put a unique or monotonic field in the content.
 */
public record VersionToken(String value) {
  public VersionToken {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("a version token must not be blank");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
