package io.omnigraph.storage;

import java.util.regex.Pattern;

/**
 * A parsed {@code s3://bucket[/prefix]} root. {@link #prefix()} is empty or ends with {@code /}.
 */
public record S3Location(String bucket, String prefix) {
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]");

  /** Parses {@code s3://bucket}, {@code s3://bucket/} or {@code s3://bucket/a/b[/]}. */
  public static S3Location parse(String uri) {
    if (uri == null || !uri.startsWith("s3://")) {
      throw bad(uri, "it does not start with s3://");
    }
    String rest = uri.substring("s3://".length());
    int slash = rest.indexOf('/');
    String bucket = slash < 0 ? rest : rest.substring(0, slash);
    if (!BUCKET.matcher(bucket).matches()) {
      throw bad(uri, "'" + bucket + "' is not a valid bucket name (3-63 of a-z 0-9 . - _)");
    }
    String path = slash < 0 ? "" : rest.substring(slash + 1);
    if (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    if (path.isEmpty()) {
      return new S3Location(bucket, "");
    }
    try {
      ObjectKeys.requireKey(path);
    } catch (StorageException e) {
      throw bad(uri, "its path " + e.getMessage());
    }
    return new S3Location(bucket, path + "/");
  }

  /** The object key of {@code key} relative to this root. */
  public String objectKey(String key) {
    return prefix + key;
  }

  /** The canonical URI: {@code s3://bucket} or {@code s3://bucket/prefix} (no trailing slash). */
  public String uri() {
    return prefix.isEmpty()
        ? "s3://" + bucket
        : "s3://" + bucket + "/" + prefix.substring(0, prefix.length() - 1);
  }

  private static StorageException bad(String uri, String reason) {
    return new StorageException(
        StorageException.Kind.CONFIGURATION,
        "invalid S3 storage URI '" + uri + "': " + reason + "; use s3://<bucket>/<prefix>");
  }
}
