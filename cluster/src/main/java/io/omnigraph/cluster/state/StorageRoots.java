package io.omnigraph.cluster.state;

import io.omnigraph.cluster.Diagnostics;
import io.omnigraph.cluster.config.ClusterConfig;
import io.omnigraph.cluster.config.ConfigReader;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a cluster's state lives: {@code storage:} from {@code cluster.yaml} (relative paths resolve
 * against the config dir), else the config directory itself.
 */
public final class StorageRoots {
  private StorageRoots() {}

  /** The storage root URI/path of a parsed config. */
  public static String of(ClusterConfig config) {
    String s = config.storage();
    if (s == null) {
      return config.dir().toString();
    }
    if (s.startsWith("s3://")) {
      return s;
    }
    if (s.startsWith("file://")) {
      return Path.of(java.net.URI.create(s)).toString();
    }
    return config.dir().resolve(s).normalize().toString();
  }

  /**
   * A {@code --cluster} value: a URI ({@code s3://…}, {@code file://…}) is the storage root itself;
   * otherwise a config directory whose {@code cluster.yaml} {@code storage:} key (only that key)
   * locates the root. Empty after reporting to {@code out} when the header is invalid.
   */
  public static Optional<String> resolve(String dirOrUri, Diagnostics out) {
    if (dirOrUri.contains("://")) {
      if (dirOrUri.startsWith("file://")) {
        return Optional.of(Path.of(java.net.URI.create(dirOrUri)).toString());
      }
      String trimmed = dirOrUri;
      while (trimmed.endsWith("/") && !trimmed.endsWith("://")) {
        trimmed = trimmed.substring(0, trimmed.length() - 1);
      }
      return Optional.of(trimmed);
    }
    Path dir = Path.of(dirOrUri).toAbsolutePath().normalize();
    if (!dir.resolve(ConfigReader.FILE).toFile().exists()) {
      // A bare local storage root (no cluster.yaml) is accepted as the root itself.
      return Optional.of(dir.toString());
    }
    Diagnostics local = new Diagnostics();
    Optional<ClusterConfig> c = ConfigReader.readHeader(dir, local);
    out.addAll(local);
    if (c.isEmpty() || local.hasErrors()) {
      return Optional.empty();
    }
    return Optional.of(of(c.get()));
  }
}
