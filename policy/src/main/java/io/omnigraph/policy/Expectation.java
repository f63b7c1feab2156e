package io.omnigraph.policy;

import java.util.Arrays;
import java.util.Optional;

/** The {@code expect} of a policy test case. */
public enum Expectation {
  ALLOW("allow", "Allow"),
  DENY("deny", "Deny");

  private final String wire;
  private final String title;

  Expectation(String wire, String title) {
    this.wire = wire;
    this.title = title;
  }

  /** {@code allow} or {@code deny}, as written in the test file. */
  public String wire() {
    return wire;
  }

  /** {@code Allow} or {@code Deny}, as printed in failure lines. */
  public String title() {
    return title;
  }

  public boolean allows() {
    return this == ALLOW;
  }

  public static Optional<Expectation> fromWire(String text) {
    return Arrays.stream(values()).filter(e -> e.wire.equals(text)).findFirst();
  }
}
