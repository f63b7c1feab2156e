package io.omnigraph.storage;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Maps AWS SDK failures to {@link StorageException} kinds with actionable messages. */
final class S3Errors {
  private static final String CREDENTIAL_VARIABLES =
      "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (plus AWS_SESSION_TOKEN for temporary"
          + " credentials)";

  private S3Errors() {}

  static int status(SdkException e) {
    return e instanceof S3Exception s3 ? s3.statusCode() : 0;
  }

  static String code(SdkException e) {
    if (e instanceof S3Exception s3 && s3.awsErrorDetails() != null) {
      String code = s3.awsErrorDetails().errorCode();
      return code == null ? "" : code;
    }
    return "";
  }

  /** The typed failure of {@code operation} on {@code where} (an s3:// URI) at {@code settings}. */
  static StorageException map(String operation, String where, S3Settings settings, SdkException e) {
    String prefix = operation + " " + where + " failed: ";
    if (e instanceof S3Exception s3) {
      return mapService(prefix, where, settings, s3);
    }
    if (e instanceof SdkClientException && isMissingCredentials(e)) {
      return new StorageException(
          StorageException.Kind.CONFIGURATION,
          prefix
              + "no AWS credentials found; set "
              + CREDENTIAL_VARIABLES
              + ", or configure a profile or instance role",
          e);
    }
    return new StorageException(
        StorageException.Kind.TRANSIENT,
        prefix
            + "cannot reach "
            + endpointText(settings)
            + " ("
            + e.getMessage()
            + "); check the network, or AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL",
        e);
  }

  private static StorageException mapService(
      String prefix, String where, S3Settings settings, S3Exception e) {
    int status = e.statusCode();
    String code = code(e);
    String detail = " (HTTP " + status + (code.isEmpty() ? "" : " " + code) + ")";
    if (code.equals("NoSuchBucket")) {
      return kind(
          StorageException.Kind.CONFIGURATION,
          prefix
              + "the bucket does not exist at "
              + endpointText(settings)
              + detail
              + "; create it or fix the storage URI",
          e);
    }
    if (status == 401 || status == 403) {
      return kind(
          StorageException.Kind.CONFIGURATION,
          prefix
              + "access denied"
              + detail
              + "; check "
              + CREDENTIAL_VARIABLES
              + " and that they may read and write "
              + where,
          e);
    }
    if (status == 404) {
      return kind(StorageException.Kind.NOT_FOUND, prefix + "not found" + detail, e);
    }
    if (status == 412) {
      return kind(StorageException.Kind.PRECONDITION_FAILED, prefix + "precondition" + detail, e);
    }
    if (status == 409 || status == 429 || status >= 500 || e.retryable()) {
      return kind(StorageException.Kind.TRANSIENT, prefix + e.getMessage() + detail, e);
    }
    if (status >= 400) {
      return kind(StorageException.Kind.PERMANENT, prefix + e.getMessage() + detail, e);
    }
    return kind(StorageException.Kind.UNKNOWN, prefix + e.getMessage() + detail, e);
  }

  private static boolean isMissingCredentials(SdkException e) {
    String message = String.valueOf(e.getMessage());
    return message.contains("Unable to load credentials")
        || message.contains("credentials") && message.contains("provider");
  }

  private static String endpointText(S3Settings settings) {
    return settings.endpoint().map(Object::toString).orElse("AWS S3");
  }

  private static StorageException kind(StorageException.Kind kind, String message, Exception e) {
    return new StorageException(kind, message, e);
  }
}
