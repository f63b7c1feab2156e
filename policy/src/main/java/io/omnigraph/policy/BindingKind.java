package io.omnigraph.policy;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a bundle governs: one or more graphs ({@code applies_to: [<graph ids>]}) or the server
 * itself ({@code applies_to: [cluster]}). Also the spelling of the optional top-level {@code kind}.
 */
public enum BindingKind {
  GRAPH("graph", "Graph", "graph"),
  SERVER("server", "Server", "cluster");

  private final String wire;
  private final String title;
  private final String binding;

  BindingKind(String wire, String title, String binding) {
    this.wire = wire;
    this.title = title;
    this.binding = binding;
  }

  /** The YAML spelling of {@code kind}: {@code graph} or {@code server}. */
  public String wire() {
    return wire;
  }

  /** The capitalised form used in messages: {@code Graph} or {@code Server}. */
  public String title() {
    return title;
  }

  /** How cluster.yaml spells a binding of this kind: {@code graph} or {@code cluster}. */
  public String bindingName() {
    return binding;
  }

  public static Optional<BindingKind> fromWire(String text) {
    return Arrays.stream(values()).filter(k -> k.wire.equals(text)).findFirst();
  }
}
