package io.omnigraph.cluster.resource;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A desired resource (05 §3): address, kind ({@code graph|schema|query|policy|embedding_provider}),
 * digest (lowercase hex SHA-256) and the source file, if any.
 */
public record Resource(String address, String kind, String digest, String path) {
  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("address", address);
    o.put("kind", kind);
    o.put("digest", digest);
    if (path != null) {
      o.put("path", path);
    }
    return o;
  }
}
