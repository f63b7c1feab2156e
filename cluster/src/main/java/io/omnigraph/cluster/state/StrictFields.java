package io.omnigraph.cluster.state;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Typed reads of the fields of one strict JSON object (a recovery sidecar, an approval artifact): a
 * missing or mistyped field is a {@link StateException} with the document's own {@code code}.
 */
record StrictFields(JsonNode object, String code, String document) {
  /** Refuses any field outside {@code known} ({@code unknown field <name>}); returns this. */
  StrictFields only(java.util.Set<String> known) {
    object
        .fieldNames()
        .forEachRemaining(
            k -> {
              if (!known.contains(k)) {
                throw invalid("unknown field " + k);
              }
            });
    return this;
  }

  /** A string field; null only when {@code nullable} and the field is absent or null. */
  String str(String key, boolean nullable) {
    JsonNode v = object.get(key);
    if ((v == null || v.isNull()) && nullable) {
      return null;
    }
    if (v == null || !v.isTextual()) {
      throw invalid(key + " must be a string");
    }
    return v.asText();
  }

  /** An integer field that may be absent or null. */
  Long num(String key) {
    JsonNode v = object.get(key);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isIntegralNumber()) {
      throw invalid(key + " must be an integer or null");
    }
    return v.asLong();
  }

  StateException invalid(String why) {
    return new StateException(code, "invalid " + document + ": " + why);
  }
}
