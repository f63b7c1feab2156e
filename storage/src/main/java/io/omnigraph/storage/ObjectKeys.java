package io.omnigraph.storage;

import io.omnigraph.compiler.text.CodePointOrder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;

/** Key and prefix validation shared by both stores (see {@link ObjectStore} for the rules). */
public final class ObjectKeys {
  /** Segments starting with this are reserved for the local store's temp and lock files. */
  public static final String RESERVED = ".~og.";

  /** Longest allowed segment, in UTF-8 bytes (leaves room for the lock-file prefix). */
  public static final int MAX_SEGMENT_BYTES = 200;

  /** Key order of {@link ObjectStore#list}: by code point, which equals UTF-8 byte order. */
  public static final Comparator<String> ORDER = CodePointOrder.COMPARATOR;

  private ObjectKeys() {}

  /** Returns {@code key} if valid; otherwise throws {@link StorageException.Kind#PERMANENT}. */
  public static String requireKey(String key) {
    if (key == null || key.isEmpty()) {
      throw invalid("key", String.valueOf(key), "it is empty");
    }
    int start = 0;
    while (true) {
      int slash = key.indexOf('/', start);
      checkSegment("key", key, key.substring(start, slash < 0 ? key.length() : slash));
      if (slash < 0) {
        return key;
      }
      start = slash + 1;
    }
  }

  /** Returns {@code prefix} if valid (may be empty); otherwise throws PERMANENT. */
  public static String requirePrefix(String prefix) {
    if (prefix == null) {
      throw invalid("prefix", "null", "it is null (use \"\" for everything)");
    }
    int lastSlash = prefix.lastIndexOf('/');
    if (lastSlash >= 0) {
      for (String segment : prefix.substring(0, lastSlash).split("/", -1)) {
        checkSegment("prefix", prefix, segment);
      }
    }
    checkCharacters("prefix", prefix, prefix.substring(lastSlash + 1));
    return prefix;
  }

  /** The directory part of a prefix: everything up to and including its last {@code /}. */
  static String directoryOf(String prefix) {
    return prefix.substring(0, prefix.lastIndexOf('/') + 1);
  }

  private static void checkSegment(String what, String whole, String segment) {
    if (segment.isEmpty()) {
      throw invalid(what, whole, "it has an empty segment (leading, trailing or double '/')");
    }
    if (segment.equals(".") || segment.equals("..")) {
      throw invalid(what, whole, "'.' and '..' segments are not allowed");
    }
    if (segment.startsWith(RESERVED)) {
      throw invalid(what, whole, "segments starting with '" + RESERVED + "' are reserved");
    }
    if (segment.length() * 3 > MAX_SEGMENT_BYTES
        && segment.getBytes(StandardCharsets.UTF_8).length > MAX_SEGMENT_BYTES) {
      throw invalid(what, whole, "a segment is longer than " + MAX_SEGMENT_BYTES + " bytes");
    }
    checkCharacters(what, whole, segment);
  }

  private static void checkCharacters(String what, String whole, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' || c < 0x20 || c == 0x7f) {
        throw invalid(what, whole, "backslashes and control characters are not allowed");
      }
      if (Character.isSurrogate(c) && !validSurrogate(text, i)) {
        throw invalid(what, whole, "it is not valid Unicode (lone surrogate)");
      }
    }
  }

  private static boolean validSurrogate(String text, int i) {
    char c = text.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
  }

  private static StorageException invalid(String what, String value, String reason) {
    return new StorageException(
        StorageException.Kind.PERMANENT,
        "invalid object "
            + what
            + " '"
            + value
            + "': "
            + reason
            + "; keys are relative, '/'-separated paths like 'graphs/demo.omni/manifest.json'");
  }
}
