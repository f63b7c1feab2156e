package io.omnigraph.storage;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

/** Opens the {@link ObjectStore} for a storage URI. */
public final class ObjectStores {
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*");
  private static final String FORMS =
      "use a local path (/var/lib/omnigraph, ./cluster), file:///absolute/path or"
          + " s3://bucket/prefix";

  private ObjectStores() {}

  /** {@link #open(String, Map)} with the process environment. */
  public static ObjectStore open(String uri) {
    return open(uri, System.getenv());
  }

  /**
   * Opens {@code uri}: a local path or {@code file://} URI gives a {@link LocalObjectStore}, an
   * {@code s3://bucket/prefix} an {@link S3ObjectStore} configured from {@code env} (the AWS_*
   * variables, see {@link S3Settings}). Anything else fails with CONFIGURATION.
   */
  public static ObjectStore open(String uri, Map<String, String> env) {
    if (isS3(uri)) {
      return S3ObjectStore.open(uri, env);
    }
    return new LocalObjectStore(localPath(uri));
  }

  /** True for {@code s3://} URIs. */
  public static boolean isS3(String uri) {
    return uri != null && uri.startsWith("s3://");
  }

  /**
   * The storage options Lance needs to open datasets under {@code uri}: empty for local paths,
   * {@link S3Settings#lanceStorageOptions()} for S3. Contains secrets: never log it.
   */
  public static Map<String, String> lanceStorageOptions(String uri, Map<String, String> env) {
    if (isS3(uri)) {
      S3Location.parse(uri);
      return S3Settings.fromEnv(env).lanceStorageOptions();
    }
    localPath(uri);
    return Map.of();
  }

  /** The local directory of a path or {@code file://} URI; CONFIGURATION for anything else. */
  static Path localPath(String uri) {
    if (uri == null || uri.isBlank()) {
      throw config("empty storage location; " + FORMS);
    }
    try {
      if (uri.startsWith("file://")) {
        return Path.of(java.net.URI.create(uri)).toAbsolutePath().normalize();
      }
      if (SCHEME.matcher(uri).matches()) {
        throw config("unsupported storage URI '" + uri + "'; " + FORMS);
      }
      return Path.of(uri).toAbsolutePath().normalize();
    } catch (IllegalArgumentException e) { // includes InvalidPathException
      throw config("invalid storage location '" + uri + "' (" + e.getMessage() + "); " + FORMS);
    }
  }

  private static StorageException config(String message) {
    return new StorageException(StorageException.Kind.CONFIGURATION, message);
  }
}
