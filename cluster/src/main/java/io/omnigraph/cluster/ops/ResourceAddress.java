package io.omnigraph.cluster.ops;

/** Parsing of resource addresses (05 §3). */
final class ResourceAddress {
  private ResourceAddress() {}

  /** graph | schema | query | policy | embedding_provider | unknown. */
  static String kindOf(String address) {
    if (address.startsWith("graph.")) {
      return "graph";
    }
    if (address.startsWith("schema.")) {
      return "schema";
    }
    if (address.startsWith("query.")) {
      return "query";
    }
    if (address.startsWith("policy.")) {
      return "policy";
    }
    if (address.startsWith("provider.embedding.")) {
      return "embedding_provider";
    }
    return "unknown";
  }

  /** The graph id of {@code graph.<g>}, {@code schema.<g>}, {@code query.<g>.<n>}; else null. */
  static String graphOf(String address) {
    return switch (kindOf(address)) {
      case "graph" -> address.substring(6);
      case "schema" -> address.substring(7);
      case "query" -> {
        String rest = address.substring(6);
        int dot = rest.indexOf('.');
        yield dot < 0 ? rest : rest.substring(0, dot);
      }
      default -> null;
    };
  }
}
