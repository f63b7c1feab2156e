package io.omnigraph.engine.root;

import java.util.Locale;

/** Object keys of a graph root (docs/architecture.md, "Engine"). */
final class RootLayout {
  static final String SCHEMA_PG = "_schema.pg";
  static final String SCHEMA_IR = "_schema.ir.json";
  static final String SCHEMA_STATE = "__schema_state.json";
  static final String MANIFEST_DIR = "__manifest/";
  static final String MANIFEST_VERSIONS = "__manifest/v/";
  static final String MANIFEST_LATEST = "__manifest/latest.json";
  static final String INIT_CLAIM = "__init_claim.json";
  static final String RECOVERY = "__recovery/";
  static final String CLEANUP_DROPS = "__cleanup/drops.json";

  private RootLayout() {}

  static String manifestKey(long version) {
    return MANIFEST_VERSIONS + zeroPadded(version, 20) + ".json";
  }

  /** The version of a {@code __manifest/v/…} key, or -1 for anything else. */
  static long manifestVersion(String key) {
    if (!key.startsWith(MANIFEST_VERSIONS) || !key.endsWith(".json")) {
      return -1;
    }
    String digits = key.substring(MANIFEST_VERSIONS.length(), key.length() - ".json".length());
    if (digits.length() != 20 || !digits.chars().allMatch(Character::isDigit)) {
      return -1;
    }
    return Long.parseLong(digits);
  }

  static String tablePath(boolean node, long tableId, long incarnation) {
    return (node ? "nodes/" : "edges/")
        + String.format(Locale.ROOT, "%016x-%016x", tableId, incarnation);
  }

  /** {@code version} (≥ 0) in decimal, zero-padded to {@code width} digits. */
  private static String zeroPadded(long version, int width) {
    String digits = Long.toString(version);
    return "0".repeat(Math.max(0, width - digits.length())) + digits;
  }

  static String recoveryKey(String ulid) {
    return RECOVERY + ulid + ".json";
  }
}
