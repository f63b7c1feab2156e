package io.omnigraph.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnigraph.cli.cluster.ClusterFixture.Result;
import io.omnigraph.cluster.state.ClusterStore;
import io.omnigraph.storage.ObjectStore;
import io.omnigraph.storage.ObjectStores;
import io.omnigraph.storage.testing.FaultyObjectStore.Faults;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shared set-up of the control-plane fault tests: a cluster (by default local: the config dir is
 * the storage root) driven through the real CLI, with every cluster store the commands open wrapped
 * in a {@link Faults} decorator (armed per test; unarmed it changes nothing). Helpers read the real
 * files directly (never through the faulty wrapper).
 */
abstract class ClusterFaultsBase {
  static final String STATE = "__cluster/state.json";
  static final String LOCK = "__cluster/lock.json";
  static final String RECOVERIES = "__cluster/recoveries/";

  @TempDir Path dir;
  ClusterFixture c;
  final Faults faults = new Faults();
  private AutoCloseable seam;

  /** The {@code storage:} value of the cluster (null = the config dir is the root). */
  String storage() {
    return null;
  }

  Map<String, String> env() {
    return Map.of();
  }

  @BeforeEach
  void setUpFaults() {
    ClusterFixture.env(env());
    c = new ClusterFixture(dir, storage());
    seam = ClusterStore.decorateStoresForTests(faults::wrap);
  }

  @AfterEach
  void tearDownFaults() throws Exception {
    seam.close();
    ClusterFixture.env(Map.of());
  }

  String root() {
    return c.storage == null ? dir.toString() : c.storage;
  }

  ObjectStore store() {
    return ObjectStores.open(root(), env());
  }

  String uriOf(String key) {
    try (ObjectStore s = store()) {
      return s.uriOf(key);
    }
  }

  byte[] bytes(String key) {
    try (ObjectStore s = store()) {
      return s.get(key).map(o -> o.bytes()).orElse(null);
    }
  }

  String text(String key) {
    byte[] b = bytes(key);
    return b == null ? null : new String(b, StandardCharsets.UTF_8);
  }

  void put(String key, String text) {
    try (ObjectStore s = store()) {
      s.put(key, text.getBytes(StandardCharsets.UTF_8));
    }
  }

  List<String> keys(String prefix) {
    try (ObjectStore s = store()) {
      return s.list(prefix);
    }
  }

  long revision() {
    return c.ok("status").json().path("state_observations").path("state_revision").asLong();
  }

  /** The single diagnostic with {@code code}; fails when there is none or several. */
  static JsonNode diag(Result r, String code) {
    List<JsonNode> found = diags(r, code);
    assertThat(found).as(code + " in " + r.json().path("diagnostics")).hasSize(1);
    return found.get(0);
  }

  static List<JsonNode> diags(Result r, String code) {
    List<JsonNode> found = new ArrayList<>();
    r.json()
        .path("diagnostics")
        .forEach(
            d -> {
              if (d.path("code").asText().equals(code)) {
                found.add(d);
              }
            });
    return found;
  }

  /** Asserts one diagnostic's severity, path and that its message carries {@code remedy}. */
  static JsonNode assertDiag(Result r, String code, String severity, String path, String remedy) {
    List<JsonNode> at =
        diags(r, code).stream().filter(x -> x.path("path").asText().equals(path)).toList();
    assertThat(at).as(code + " at " + path + " in " + r.json().path("diagnostics")).hasSize(1);
    JsonNode d = at.get(0);
    assertThat(d.path("severity").asText()).as(code).isEqualTo(severity);
    assertThat(d.path("message").asText()).as(code).contains(remedy);
    return d;
  }

  /** The failed-command contract: exit 1, {@code ok:false}, the lock released, no stack trace. */
  void assertFailedCleanly(Result r) {
    assertThat(r.exit()).as(r.json().toPrettyString()).isEqualTo(1);
    assertThat(r.json().path("ok").asBoolean()).isFalse();
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    assertLockReleased();
  }

  void assertLockReleased() {
    try (ObjectStore s = store()) {
      assertThat(s.exists(LOCK)).as("lock released").isFalse();
    }
  }

  JsonNode status(Result r, String address) {
    return r.json().path("resource_statuses").path(address);
  }
}
