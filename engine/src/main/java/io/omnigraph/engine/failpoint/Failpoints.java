package io.omnigraph.engine.failpoint;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Named crash points for crash-safety tests. {@link #hit(String)} is a no-op unless the system
 * property {@value #KEY} (or, when the property is unset, the environment variable of the same
 * name) lists the name ({@code name[,name…]}); then the process halts at once with exit code 137
 * ({@link Runtime#halt}: no shutdown hooks, no flush; for durability the same as SIGKILL).
 *
 * <p>Every name (also listed in {@code docs/architecture.md}, crash safety):
 *
 * <ul>
 *   <li>{@code init.after_claim} — {@code __init_claim.json} created, nothing else written.
 *   <li>{@code init.after_schema} — schema files written, no dataset yet.
 *   <li>{@code init.after_dataset_create} — after each empty dataset is created.
 *   <li>{@code init.before_publish} — all datasets created, genesis manifest not published.
 *   <li>{@code init.after_publish} — genesis manifest published, claim not yet released.
 *   <li>{@code load.after_sidecar} — write intent written, no table written.
 *   <li>{@code load.after_first_table_write} — the first touched table has a new Lance version.
 *   <li>{@code load.after_table_writes} — every touched table written, the intent records the
 *       manifest to publish (recovery rolls it forward), manifest not published.
 *   <li>{@code load.after_publish} — manifest N+1 published, write intent not yet deleted.
 *   <li>{@code optimize.after_sidecar} — optimize intent written, no dataset touched.
 *   <li>{@code optimize.after_compaction} — the first dataset compacted (indexes not yet built).
 *   <li>{@code optimize.before_publish} — every dataset compacted and indexed, nothing published.
 *   <li>{@code optimize.after_publish} — optimize manifest published, intent not yet deleted.
 *   <li>{@code cleanup.after_manifest_delete} — old manifest versions deleted, no Lance GC yet.
 *   <li>{@code cleanup.after_first_dataset} — the first finished dataset GC (others may be
 *       mid-way).
 *   <li>{@code repair.before_publish} — drift classified, heal manifest not yet published.
 *   <li>{@code schema_apply.after_sidecar} — apply intent written, lock branch not yet published.
 *   <li>{@code schema_apply.after_first_table_write} — the lock is held and the first table has a
 *       new Lance version (or a new dataset exists).
 *   <li>{@code schema_apply.before_publish} — every table changed, new schema files written, the
 *       new manifest not published.
 *   <li>{@code schema_apply.after_publish} — the new schema's manifest published; root schema
 *       copies, hard drops and the intent not yet handled.
 *   <li>{@code mutate.after_sidecar}, {@code mutate.after_table_writes}, {@code
 *       mutate.after_publish} — the same three steps of a mutation.
 *   <li>{@code merge.after_sidecar}, {@code merge.after_table_writes}, {@code merge.after_publish}
 *       — the same three steps of a branch merge.
 * </ul>
 *
 * <p>Lives in the engine for now; the control plane's ledger/apply steps can adopt it by moving it
 * to {@code storage} when they need crash tests of their own.
 */
public final class Failpoints {
  /** System property / environment variable naming the armed failpoints. */
  public static final String KEY = "OMNIGRAPH_FAILPOINTS";

  /** Exit status of a process halted at a failpoint (128 + SIGKILL). */
  public static final int EXIT_CODE = 137;

  public static final String INIT_AFTER_CLAIM = "init.after_claim";
  public static final String INIT_AFTER_SCHEMA = "init.after_schema";
  public static final String INIT_AFTER_DATASET_CREATE = "init.after_dataset_create";
  public static final String INIT_BEFORE_PUBLISH = "init.before_publish";
  public static final String INIT_AFTER_PUBLISH = "init.after_publish";
  public static final String LOAD_AFTER_SIDECAR = "load.after_sidecar";
  public static final String LOAD_AFTER_FIRST_TABLE_WRITE = "load.after_first_table_write";
  public static final String LOAD_AFTER_TABLE_WRITES = "load.after_table_writes";
  public static final String LOAD_AFTER_PUBLISH = "load.after_publish";
  public static final String OPTIMIZE_AFTER_SIDECAR = "optimize.after_sidecar";
  public static final String OPTIMIZE_AFTER_COMPACTION = "optimize.after_compaction";
  public static final String OPTIMIZE_BEFORE_PUBLISH = "optimize.before_publish";
  public static final String OPTIMIZE_AFTER_PUBLISH = "optimize.after_publish";
  public static final String CLEANUP_AFTER_MANIFEST_DELETE = "cleanup.after_manifest_delete";
  public static final String CLEANUP_AFTER_FIRST_DATASET = "cleanup.after_first_dataset";
  public static final String REPAIR_BEFORE_PUBLISH = "repair.before_publish";
  public static final String SCHEMA_APPLY_AFTER_SIDECAR = "schema_apply.after_sidecar";
  public static final String SCHEMA_APPLY_AFTER_FIRST_TABLE_WRITE =
      "schema_apply.after_first_table_write";
  public static final String SCHEMA_APPLY_BEFORE_PUBLISH = "schema_apply.before_publish";
  public static final String SCHEMA_APPLY_AFTER_PUBLISH = "schema_apply.after_publish";
  public static final String MUTATE_AFTER_SIDECAR = "mutate.after_sidecar";
  public static final String MUTATE_AFTER_TABLE_WRITES = "mutate.after_table_writes";
  public static final String MUTATE_AFTER_PUBLISH = "mutate.after_publish";
  public static final String MERGE_AFTER_SIDECAR = "merge.after_sidecar";
  public static final String MERGE_AFTER_TABLE_WRITES = "merge.after_table_writes";
  public static final String MERGE_AFTER_PUBLISH = "merge.after_publish";

  /** All failpoint names, in the order a write reaches them. */
  public static final List<String> ALL =
      List.of(
          INIT_AFTER_CLAIM,
          INIT_AFTER_SCHEMA,
          INIT_AFTER_DATASET_CREATE,
          INIT_BEFORE_PUBLISH,
          INIT_AFTER_PUBLISH,
          LOAD_AFTER_SIDECAR,
          LOAD_AFTER_FIRST_TABLE_WRITE,
          LOAD_AFTER_TABLE_WRITES,
          LOAD_AFTER_PUBLISH,
          OPTIMIZE_AFTER_SIDECAR,
          OPTIMIZE_AFTER_COMPACTION,
          OPTIMIZE_BEFORE_PUBLISH,
          OPTIMIZE_AFTER_PUBLISH,
          CLEANUP_AFTER_MANIFEST_DELETE,
          CLEANUP_AFTER_FIRST_DATASET,
          REPAIR_BEFORE_PUBLISH,
          SCHEMA_APPLY_AFTER_SIDECAR,
          SCHEMA_APPLY_AFTER_FIRST_TABLE_WRITE,
          SCHEMA_APPLY_BEFORE_PUBLISH,
          SCHEMA_APPLY_AFTER_PUBLISH,
          MUTATE_AFTER_SIDECAR,
          MUTATE_AFTER_TABLE_WRITES,
          MUTATE_AFTER_PUBLISH,
          MERGE_AFTER_SIDECAR,
          MERGE_AFTER_TABLE_WRITES,
          MERGE_AFTER_PUBLISH);

  private static final Set<String> ARMED = armed();

  private Failpoints() {}

  /** Halts the process when {@code name} is armed; otherwise does nothing. */
  public static void hit(String name) {
    if (!ARMED.isEmpty() && ARMED.contains(name)) {
      Runtime.getRuntime().halt(EXIT_CODE);
    }
  }

  private static Set<String> armed() {
    String v = System.getProperty(KEY);
    if (v == null) {
      v = System.getenv(KEY);
    }
    if (v == null || v.isBlank()) {
      return Set.of();
    }
    return Arrays.stream(v.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }
}
