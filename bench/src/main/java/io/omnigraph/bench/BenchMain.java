package io.omnigraph.bench;

public final class BenchMain {
  private BenchMain() {}

  public static void main(String[] args) {}
}
