package io.omnigraph.cluster.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;

/**
 * The eight control-plane commands (05 §1, §7). Each returns its {@code --json} output object
 * ({@code ok} + {@code diagnostics} always present); the CLI prints it or renders it as text.
 * {@code env} supplies storage credentials (AWS_*); {@code actor} may be null.
 */
public final class ClusterOps {
  private ClusterOps() {}

  public static ObjectNode validate(Path configDir, Map<String, String> env) {
    return new ValidateOp(configDir, env).run();
  }

  public static ObjectNode status(Path configDir, Map<String, String> env) {
    return new StatusOp(configDir, env).run();
  }

  public static ObjectNode forceUnlock(Path configDir, String lockId, Map<String, String> env) {
    return new ForceUnlockOp(configDir, lockId, env).run();
  }

  public static ObjectNode plan(Path configDir, Map<String, String> env) {
    return new PlanOp(configDir, env).run();
  }

  public static ObjectNode apply(Path configDir, String actor, Map<String, String> env) {
    return new ApplyOp(configDir, actor, env).run();
  }

  public static ObjectNode refresh(Path configDir, Map<String, String> env) {
    return new RefreshOp(configDir, env, false).run();
  }

  public static ObjectNode importState(Path configDir, Map<String, String> env) {
    return new RefreshOp(configDir, env, true).run();
  }

  public static ObjectNode approve(
      Path configDir, String resource, String actor, Map<String, String> env) {
    return new ApproveOp(configDir, resource, actor, env).run();
  }
}
