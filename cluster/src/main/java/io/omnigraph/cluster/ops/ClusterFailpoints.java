package io.omnigraph.cluster.ops;

import io.omnigraph.engine.failpoint.Failpoints;
import java.util.List;

/**
 * Named failpoints of {@code cluster apply} (armed with {@code OMNIGRAPH_FAILPOINTS}, see {@link
 * Failpoints}): before and after every graph-moving step, catalog write and state write.
 */
public final class ClusterFailpoints {
  public static final String CREATE_AFTER_SIDECAR = "cluster.create.after_sidecar";
  public static final String CREATE_AFTER_INIT = "cluster.create.after_init";
  public static final String SCHEMA_AFTER_SIDECAR = "cluster.schema.after_sidecar";
  public static final String SCHEMA_AFTER_APPLY = "cluster.schema.after_apply";
  public static final String CATALOG_BEFORE_WRITE = "cluster.catalog.before_write";
  public static final String CATALOG_AFTER_WRITE = "cluster.catalog.after_write";
  public static final String DELETE_AFTER_SIDECAR = "cluster.delete.after_sidecar";
  public static final String DELETE_AFTER_DELETE = "cluster.delete.after_delete";
  public static final String STATE_BEFORE_WRITE = "cluster.state.before_write";
  public static final String STATE_AFTER_WRITE = "cluster.state.after_write";

  public static final List<String> ALL =
      List.of(
          CREATE_AFTER_SIDECAR,
          CREATE_AFTER_INIT,
          SCHEMA_AFTER_SIDECAR,
          SCHEMA_AFTER_APPLY,
          CATALOG_BEFORE_WRITE,
          CATALOG_AFTER_WRITE,
          DELETE_AFTER_SIDECAR,
          DELETE_AFTER_DELETE,
          STATE_BEFORE_WRITE,
          STATE_AFTER_WRITE);

  private ClusterFailpoints() {}

  static void hit(String name) {
    Failpoints.hit(name);
  }
}
