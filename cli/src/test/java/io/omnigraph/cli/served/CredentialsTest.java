package io.omnigraph.cli.served;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnigraph.cli.CliEnv;
import io.omnigraph.cli.CliException;
import io.omnigraph.cli.CliRunner;
import io.omnigraph.cli.config.OperatorConfig;
import io.omnigraph.cli.config.ScopeConfig;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The credentials file and token resolution order of 08 §5, without a server. */
class CredentialsTest {
  @TempDir Path dir;
  private static final ScopeConfig.Server PROD =
      new ScopeConfig.Server("intel-dev", "https://g.example.com", null);

  @BeforeEach
  void home() {
    System.setProperty(OperatorConfig.HOME_PROPERTY, dir.toString());
  }

  @AfterEach
  void clear() {
    System.clearProperty(OperatorConfig.HOME_PROPERTY);
    CliEnv.setOverrides(Map.of());
  }

  @Test
  void keyedEnvThenFileThenBearerAndNothingKeyedForUnmatchedUrls() {
    Credentials c = Credentials.of(Map.of());
    assertThat(Credentials.envName("intel-dev")).isEqualTo("OMNIGRAPH_TOKEN_INTEL_DEV");
    c.store("intel-dev", "from-file");
    Map<String, String> all =
        Map.of("OMNIGRAPH_TOKEN_INTEL_DEV", "from-env", "OMNIGRAPH_BEARER_TOKEN", "fallback");
    assertThat(c.tokenFor(PROD, all)).isEqualTo("from-env");
    assertThat(c.tokenFor(PROD, Map.of("OMNIGRAPH_BEARER_TOKEN", "fallback")))
        .isEqualTo("from-file");
    assertThat(c.remove("intel-dev")).isTrue();
    assertThat(c.remove("intel-dev")).isFalse();
    assertThat(c.tokenFor(PROD, Map.of("OMNIGRAPH_BEARER_TOKEN", "fallback")))
        .isEqualTo("fallback");
    assertThat(c.tokenFor(null, all)).isEqualTo("fallback");
    assertThat(c.tokenFor(PROD, Map.of())).isNull();
  }

  @Test
  void fileIsPrivateAndOpenFilesAreRefused() throws Exception {
    Credentials c = Credentials.of(Map.of());
    c.store("a", "t1");
    c.store("b", "t2");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(c.file())))
        .isEqualTo("rw-------");
    assertThat(c.read()).containsExactly(Map.entry("a", "t1"), Map.entry("b", "t2"));
    Files.setPosixFilePermissions(c.file(), PosixFilePermissions.fromString("rw-r--r--"));
    assertThatThrownBy(c::read)
        .isInstanceOf(CliException.class)
        .hasMessageContaining("readable or writable by group/others")
        .hasMessageContaining("chmod 600");
    Files.setPosixFilePermissions(c.file(), PosixFilePermissions.fromString("rw-------"));
    Files.writeString(c.file(), "[a]\npassword = x\n");
    assertThatThrownBy(c::read).hasMessageContaining("line 2: expected [<server>] or token =");
  }

  @Test
  void loginReadsOneStdinLineAndLogoutIsIdempotent() throws Exception {
    InputStream saved = System.in;
    try {
      System.setIn(
          new ByteArrayInputStream("tok-stdin\nignored\n".getBytes(StandardCharsets.UTF_8)));
      CliRunner.Run r = CliRunner.run("login", "prod", "--json");
      assertThat(r.exitCode()).as(r.err()).isZero();
      assertThat(r.out()).contains("\"stored\" : true");
      assertThat(r.err()).contains("warning: prod is not in servers: of");
    } finally {
      System.setIn(saved);
    }
    assertThat(Credentials.of(Map.of()).read()).containsExactly(Map.entry("prod", "tok-stdin"));
    assertThat(Files.readString(dir.resolve("credentials"))).contains("[prod]\ntoken = tok-stdin");
    assertThat(CliRunner.run("logout", "prod").out()).contains("removed the token of prod");
    assertThat(CliRunner.run("logout", "prod", "--json").out()).contains("\"removed\" : false");
    System.setIn(new ByteArrayInputStream(new byte[0]));
    try {
      assertThat(CliRunner.run("login", "prod").exitCode()).isEqualTo(2);
    } finally {
      System.setIn(saved);
    }
  }
}
