package io.omnigraph.engine.exec;

/**
 * What a read ran against, as echoed in the result envelope: the branch and, for time travel, the
 * snapshot id (null when the branch head was read).
 */
public record ReadTarget(String branch, String snapshot) {
  public static ReadTarget branch(String branch) {
    return new ReadTarget(branch, null);
  }
}
