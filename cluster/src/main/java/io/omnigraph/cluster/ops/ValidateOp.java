package io.omnigraph.cluster.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.cluster.Diagnostics;
import io.omnigraph.cluster.config.ClusterConfig;
import io.omnigraph.cluster.config.ConfigReader;
import io.omnigraph.cluster.resource.DesiredBuilder;
import io.omnigraph.cluster.resource.DesiredState;
import io.omnigraph.cluster.state.ClusterStore;
import io.omnigraph.cluster.state.StateException;
import io.omnigraph.cluster.state.StorageRoots;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** {@code cluster validate}: every §2 check; never reads state or lock. */
final class ValidateOp {
  private final Path dir;
  private final Map<String, String> env;

  ValidateOp(Path dir, Map<String, String> env) {
    this.dir = dir.toAbsolutePath().normalize();
    this.env = env;
  }

  ObjectNode run() {
    Diagnostics d = new Diagnostics();
    ObjectNode out = Session.output(dir);
    out.put("config_file", dir.resolve(ConfigReader.FILE).toString());
    Optional<ClusterConfig> c = ConfigReader.read(dir, d);
    if (c.isPresent()) {
      DesiredState desired = DesiredBuilder.build(c.get(), d);
      checkStorage(c.get(), d);
      if (!d.hasErrors()) {
        c.get().graphs().values().stream()
            .filter(g -> g.externalBlobs().isDeny())
            .forEach(
                g ->
                    d.warning(
                        "external_blob_ingress_default_deny",
                        "graphs." + g.id() + ".external_blobs",
                        "graph '"
                            + g.id()
                            + "' denies external Blob URIs (no external_blobs.allow); declare bases to allow them"));
      }
      out.set("resource_digests", desired.digestsJson());
      out.set("resources", desired.resourcesJson());
      out.set("dependencies", desired.dependenciesJson());
      out.put("resource_count", desired.resources().size());
    } else {
      out.putObject("resource_digests");
      out.putArray("resources");
      out.putArray("dependencies");
      out.put("resource_count", 0);
    }
    return Session.finish(out, d);
  }

  private void checkStorage(ClusterConfig c, Diagnostics d) {
    if (c.storage() == null) {
      return;
    }
    try (ClusterStore s = ClusterStore.open(StorageRoots.of(c), env)) {
      // opened: the storage layer can be initialised
    } catch (StateException e) {
      d.error("storage_root_invalid", "storage", e.getMessage());
    }
  }
}
