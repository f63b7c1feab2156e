package io.omnigraph.cli.cluster;

import java.util.Map;

/** The acceptance scenarios on a local storage root (the config dir). */
class ClusterLocalCliTest extends ClusterScenarios {
  @Override
  String storage(String name) {
    return null;
  }

  @Override
  Map<String, String> env() {
    return Map.of();
  }
}
