package io.omnigraph.server.boot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * 06 §1: a {@code --cluster} value containing {@code ://} is a storage root; otherwise it is a
 * config directory whose {@code cluster.yaml} {@code storage:} key (only that key is read) locates
 * the root, the directory itself when absent.
 */
public final class StorageRoots {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private StorageRoots() {}

  public static String resolve(String clusterArg) {
    if (clusterArg == null || clusterArg.isBlank()) {
      throw invalid("<cluster>", "empty --cluster value; pass a config directory or s3://…");
    }
    if (clusterArg.contains("://")) {
      return trimSlash(clusterArg.trim());
    }
    Path dir = Path.of(clusterArg).toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      throw invalid(clusterArg, "no such directory; pass a cluster config directory or s3://…");
    }
    Path yaml = dir.resolve("cluster.yaml");
    if (!Files.isRegularFile(yaml)) {
      return dir.toString();
    }
    JsonNode storage;
    try {
      JsonNode root = YAML.readTree(Files.readString(yaml));
      storage = root == null ? null : root.get("storage");
    } catch (IOException | RuntimeException e) {
      throw invalid(yaml.toString(), "cannot read the storage: key of cluster.yaml");
    }
    if (storage == null || storage.isNull()) {
      return dir.toString();
    }
    if (!storage.isTextual() || storage.asText().isBlank()) {
      throw invalid(yaml + ":storage", "storage must be a non-blank path or s3://bucket/prefix");
    }
    String s = storage.asText().trim();
    if (s.contains("://")) {
      return trimSlash(s);
    }
    return dir.resolve(s).normalize().toString();
  }

  /** {@code <root>/graphs/<id>.omni}. */
  public static String graphRoot(String storageRoot, String graphId) {
    return trimSlash(storageRoot) + "/graphs/" + graphId + ".omni";
  }

  private static String trimSlash(String s) {
    String out = s;
    while (out.endsWith("/") && !out.endsWith("://")) {
      out = out.substring(0, out.length() - 1);
    }
    return out;
  }

  private static BootFailure invalid(String path, String message) {
    return BootFailure.of("storage_root_invalid", path, message);
  }
}
