package io.omnigraph.cluster.ops;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One planned change (05 §7 plan): {@code {resource, operation, before_digest?, after_digest?,
 * disposition?, reason?, binding_change?, metadata_change?, migration?}}. Mutable while a command
 * classifies and executes it.
 */
public final class PlanChange {
  public static final String APPLIED = "applied";
  public static final String DERIVED = "derived";
  public static final String DEFERRED = "deferred";
  public static final String BLOCKED = "blocked";

  final String resource;
  final String operation;
  final String before;
  final String after;
  String disposition;
  String reason;
  boolean bindingChange;
  String metadataChange;
  ObjectNode migration;

  PlanChange(String resource, String operation, String before, String after) {
    this.resource = resource;
    this.operation = operation;
    this.before = before;
    this.after = after;
  }

  public String resource() {
    return resource;
  }

  public String operation() {
    return operation;
  }

  public String disposition() {
    return disposition;
  }

  public String reason() {
    return reason;
  }

  boolean isCreate() {
    return operation.equals("create");
  }

  boolean isUpdate() {
    return operation.equals("update");
  }

  boolean isDelete() {
    return operation.equals("delete");
  }

  boolean applied() {
    return APPLIED.equals(disposition);
  }

  void set(String disposition, String reason) {
    this.disposition = disposition;
    this.reason = reason;
  }

  /** The graph id a graph/schema/query address belongs to, else null. */
  String graphId() {
    return ResourceAddress.graphOf(resource);
  }

  String kind() {
    return ResourceAddress.kindOf(resource);
  }

  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("resource", resource);
    o.put("operation", operation);
    if (before != null) {
      o.put("before_digest", before);
    }
    if (after != null) {
      o.put("after_digest", after);
    }
    if (disposition != null) {
      o.put("disposition", disposition);
    }
    if (reason != null) {
      o.put("reason", reason);
    }
    if (bindingChange) {
      o.put("binding_change", true);
    }
    if (metadataChange != null) {
      o.put("metadata_change", metadataChange);
    }
    if (migration != null) {
      o.set("migration", migration);
    }
    return o;
  }
}
