package io.omnigraph.cli.queries;

import static io.omnigraph.cli.queries.AppliedCookbooks.json;
import static io.omnigraph.cli.queries.AppliedCookbooks.ok;
import static io.omnigraph.cli.queries.AppliedCookbooks.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnigraph.cli.CliEnv;
import io.omnigraph.storage.ObjectStore;
import io.omnigraph.storage.ObjectStores;
import io.omnigraph.storage.testing.S3ServerExtension;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code queries list|validate} on a cluster whose storage root is {@code s3://} (S3Proxy). */
class QueriesS3CliTest {
  @RegisterExtension static final S3ServerExtension S3 = new S3ServerExtension();

  @TempDir Path tmp;

  @BeforeEach
  void env() {
    CliEnv.setOverrides(S3.env());
  }

  @AfterEach
  void resetEnv() {
    CliEnv.setOverrides(Map.of());
  }

  @Test
  void listAndValidateReadTheS3Root() throws Exception {
    String root = S3.uniqueUri("queries-pharma");
    Path dir = AppliedCookbooks.apply("pharma-intel", tmp.resolve("pharma"), root);
    TreeSet<String> declared = AppliedCookbooks.declaredNames(dir.resolve("queries"));
    for (String cluster : new String[] {root, dir.toString()}) {
      JsonNode listed = json(ok("queries", "list", "--cluster", cluster, "--json"));
      assertThat(listed.path("storage_root").asText()).isEqualTo(root);
      TreeSet<String> names = new TreeSet<>();
      listed.path("queries").forEach(q -> names.add(q.path("name").asText()));
      assertThat(names).isEqualTo(declared);
      assertThat(ok("queries", "validate", "--cluster", cluster).out())
          .isEqualTo("queries valid: graph 'pharma', " + declared.size() + " stored queries\n");
    }
    // a catalog payload lost on S3 breaks validation
    try (ObjectStore s = ObjectStores.open(root, S3.env())) {
      var keys = s.list("__cluster/resources/query/pharma/compounds_all/");
      assertThat(keys).hasSize(1);
      s.delete(keys.get(0));
    }
    JsonNode v = json(run(1, "queries", "validate", "--cluster", root, "--json"));
    assertThat(v.path("diagnostics").get(0).path("code").asText())
        .isEqualTo("catalog_payload_missing");
    assertThat(v.path("diagnostics").get(0).path("query").asText()).isEqualTo("compounds_all");
  }
}
