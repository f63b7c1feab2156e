package io.omnigraph.cli.served;

import io.omnigraph.cli.CliEnv;
import io.omnigraph.cli.config.OperatorConfig;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the served CLI test classes share: the server fixture (booted by each class, closed after
 * it), an operator home per test, the editor's bearer token, and the CLI environment reset after
 * each test. The classes run one after another, so the static fields belong to one class at a time.
 */
abstract class ServedCliBase {
  @TempDir static Path shared;
  static ServedFixture fx;
  static String url;
  static String people;

  @TempDir Path dir;

  @AfterAll
  static void stop() {
    if (fx != null) {
      fx.close();
      fx = null;
    }
  }

  @BeforeEach
  void home() {
    System.setProperty(OperatorConfig.HOME_PROPERTY, dir.resolve("home").toString());
    ServedCliTest.env(Map.of("OMNIGRAPH_BEARER_TOKEN", "tok-editor"));
  }

  @AfterEach
  void clear() {
    System.clearProperty(OperatorConfig.HOME_PROPERTY);
    CliEnv.setOverrides(Map.of());
  }
}
