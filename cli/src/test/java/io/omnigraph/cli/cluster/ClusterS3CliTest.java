package io.omnigraph.cli.cluster;

import io.omnigraph.storage.testing.S3ServerExtension;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The acceptance scenarios with {@code storage: s3://bucket/prefix} (S3Proxy). */
class ClusterS3CliTest extends ClusterScenarios {
  @RegisterExtension static final S3ServerExtension S3 = new S3ServerExtension();

  @Override
  String storage(String name) {
    return S3.uniqueUri("cluster-" + name);
  }

  @Override
  Map<String, String> env() {
    return S3.env();
  }
}
