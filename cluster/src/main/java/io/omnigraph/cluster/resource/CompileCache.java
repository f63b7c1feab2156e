package io.omnigraph.cluster.resource;

import io.omnigraph.compiler.query.QueryFileCheck;
import io.omnigraph.compiler.schema.CompiledSchema;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Process-wide memo of the expensive, pure checks of a desired-state build, keyed by content
 * digests: a schema compiles once per distinct schema digest, a query file parses once per file
 * digest and type-checks once per (schema digest, file digest). Only clean results are kept — a
 * failing check is redone with its own file so its diagnostics name that file — so a hit returns
 * exactly what a fresh check would. Bounded (least recently used entries leave first).
 */
final class CompileCache {
  private static final int MAX = 512;

  private static final Map<String, CompiledSchema> SCHEMAS = lru();
  private static final Map<String, List<String>> QUERY_NAMES = lru();
  private static final Map<String, QueryFileCheck> CHECKS = lru();

  private CompileCache() {}

  private static <V> Map<String, V> lru() {
    return Collections.synchronizedMap(
        new LinkedHashMap<>(64, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
            return size() > MAX;
          }
        });
  }

  /** The compiled schema of {@code digest}, compiling (and keeping a success) on a miss. */
  static CompiledSchema schema(String digest, Supplier<CompiledSchema> compile) {
    return memo(SCHEMAS, digest, compile);
  }

  /** The query names of a file that parsed cleanly, or null on a miss or a failed parse. */
  static List<String> queryNames(String fileDigest, Supplier<List<String>> parse) {
    return memo(QUERY_NAMES, fileDigest, parse);
  }

  /** The check of a query file against a schema; only a fully ok check is kept. */
  static QueryFileCheck check(
      String schemaDigest, String fileDigest, Supplier<QueryFileCheck> check) {
    String key = schemaDigest + "/" + fileDigest;
    QueryFileCheck hit = CHECKS.get(key);
    if (hit != null) {
      return hit;
    }
    QueryFileCheck fresh = check.get();
    if (fresh.ok()) {
      CHECKS.put(key, fresh);
    }
    return fresh;
  }

  private static <V> V memo(Map<String, V> map, String key, Supplier<V> compute) {
    V hit = map.get(key);
    if (hit != null) {
      return hit;
    }
    V fresh = compute.get();
    if (fresh != null) {
      map.put(key, fresh);
    }
    return fresh;
  }
}
