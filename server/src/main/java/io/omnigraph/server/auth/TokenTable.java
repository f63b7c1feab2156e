package io.omnigraph.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bearer tokens as SHA-256 digests (plaintext is never kept). {@link #actorFor} hashes the
 * presented token and compares it with every stored digest in constant time, without stopping at
 * the first match, so timing reveals neither which token matched nor how many bytes agreed.
 */
public final class TokenTable {
  private final List<Entry> entries;

  private record Entry(String actor, byte[] digest) {}

  private TokenTable(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** Hashes {@code actorToToken} (already validated: trimmed, non-blank, unique). */
  public static TokenTable of(Map<String, String> actorToToken) {
    List<Entry> list = new ArrayList<>();
    actorToToken.forEach((actor, token) -> list.add(new Entry(actor, sha256(token))));
    return new TokenTable(list);
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  public int size() {
    return entries.size();
  }

  /** The actor the token was minted for, if any. */
  public Optional<String> actorFor(String presented) {
    if (presented == null) {
      return Optional.empty();
    }
    byte[] d = sha256(presented);
    String found = null;
    for (Entry e : entries) {
      if (MessageDigest.isEqual(d, e.digest) && found == null) {
        found = e.actor;
      }
    }
    return Optional.ofNullable(found);
  }

  /** A prototype cloned per use: cheaper than a provider lookup on every request. */
  private static final MessageDigest SHA256 = newDigest();

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] sha256(String s) {
    MessageDigest d;
    try {
      d = (MessageDigest) SHA256.clone();
    } catch (CloneNotSupportedException e) {
      d = newDigest();
    }
    return d.digest(s.getBytes(StandardCharsets.UTF_8));
  }
}
