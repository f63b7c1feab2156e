package io.omnigraph.server.boot;

import java.util.List;
import java.util.stream.Collectors;

/** A fatal boot error: the server does not start. */
public final class BootFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<BootDiagnostic> diagnostics;

  public BootFailure(List<BootDiagnostic> diagnostics) {
    super(diagnostics.stream().map(BootDiagnostic::render).collect(Collectors.joining("\n")));
    this.diagnostics = List.copyOf(diagnostics);
  }

  public static BootFailure of(String code, String path, String message) {
    return new BootFailure(List.of(new BootDiagnostic(code, path, message)));
  }

  public List<BootDiagnostic> diagnostics() {
    return diagnostics;
  }

  /** The 06 §2 report: the header line, then one {@code [code] path: message} line each. */
  public String report(String clusterArg) {
    return "the cluster at '" + clusterArg + "' is not ready to serve:\n" + getMessage();
  }
}
