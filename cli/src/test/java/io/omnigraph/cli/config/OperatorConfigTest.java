package io.omnigraph.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnigraph.cli.CliException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator config reader: location, strict parsing, warnings, operator.actor. */
class OperatorConfigTest {
  @TempDir Path dir;
  private final Path file = Path.of("config.yaml");

  @AfterEach
  void clear() {
    System.clearProperty(OperatorConfig.HOME_PROPERTY);
  }

  @Test
  void homeIsThePropertyThenOmnigraphHomeThenTheUserFolder() {
    assertThat(OperatorConfig.home(Map.of("OMNIGRAPH_HOME", "/x/og"))).isEqualTo(Path.of("/x/og"));
    assertThat(OperatorConfig.home(Map.of("OMNIGRAPH_HOME", "~/og")))
        .isEqualTo(Path.of(System.getProperty("user.home"), "og"));
    assertThat(OperatorConfig.home(Map.of()))
        .isEqualTo(Path.of(System.getProperty("user.home"), ".omnigraph"));
    System.setProperty(OperatorConfig.HOME_PROPERTY, dir.toString());
    assertThat(OperatorConfig.home(Map.of("OMNIGRAPH_HOME", "/x/og"))).isEqualTo(dir);
  }

  @Test
  void missingOrEmptyFileIsAnEmptyConfig() throws Exception {
    System.setProperty(OperatorConfig.HOME_PROPERTY, dir.toString());
    OperatorConfig c = OperatorConfig.load(Map.of());
    assertThat(c.actor()).isNull();
    assertThat(c.warnings()).isEmpty();
    Files.writeString(dir.resolve("config.yaml"), "# nothing yet\n");
    assertThat(OperatorConfig.load(Map.of()).actor()).isNull();
  }

  @Test
  void readsTheActorAndWarnsAboutUnknownKeys() {
    OperatorConfig c =
        OperatorConfig.parse(
            file,
            """
            operator:
              actor: act-andrew
              colour: blue
            clusters:
              brain: { root: s3://acme/clusters/brain }
            telemetry: off
            """);
    assertThat(c.actor()).isEqualTo("act-andrew");
    assertThat(c.warnings())
        .containsExactly(
            "operator config config.yaml: unknown key 'telemetry' ignored",
            "operator config config.yaml: unknown key 'operator.colour' ignored");
    assertThat(c.document().path("clusters").path("brain").path("root").asText())
        .isEqualTo("s3://acme/clusters/brain");
  }

  @Test
  void strictParsingRefusesDuplicatesAndWrongShapes() {
    assertThatThrownBy(
            () -> OperatorConfig.parse(file, "clusters:\n  a: {root: x}\n  a: {root: y}\n"))
        .isInstanceOf(CliException.class)
        .hasMessageContaining("Duplicate field 'a'");
    assertThatThrownBy(() -> OperatorConfig.parse(file, "- a\n- b\n"))
        .isInstanceOf(CliException.class)
        .hasMessageContaining("must be a YAML mapping");
    assertThatThrownBy(() -> OperatorConfig.parse(file, "operator: act\n"))
        .isInstanceOf(CliException.class)
        .hasMessageContaining("operator must be a mapping");
    assertThatThrownBy(() -> OperatorConfig.parse(file, "operator:\n  actor: [a]\n"))
        .isInstanceOf(CliException.class)
        .hasMessageContaining("operator.actor must be a non-empty string");
    assertThatThrownBy(() -> OperatorConfig.parse(file, "operator: {actor: 'a'\n"))
        .isInstanceOf(CliException.class)
        .hasMessageContaining("not valid YAML");
  }
}
