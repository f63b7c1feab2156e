package io.omnigraph.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * An {@link ObjectStore} on {@code s3://bucket/prefix} via the AWS SDK v2. Version tokens are the
 * ETags. {@link #createIfAbsent} is a {@code PutObject} with {@code If-None-Match: *}, {@link
 * #compareAndSwap} one with {@code If-Match: <etag>}; the server decides atomically (AWS S3, MinIO,
 * RustFS; S3Proxy only behind the test wrapper). A 412 means the condition failed; a 404 on {@code
 * If-Match} means the object is absent; a 409 (a concurrent conditional write on AWS) is retried.
 * Conditional writes are never retried after a lost response (see {@link S3Clients}).
 */
public final class S3ObjectStore implements ObjectStore {
  private static final int DELETE_BATCH = 1000;
  private static final int CONFLICT_RETRIES = 5;
  private static final String CONTENT_TYPE = "application/octet-stream";

  private final S3Location location;
  private final S3Settings settings;
  private final S3Clients clients;

  private S3ObjectStore(S3Location location, S3Settings settings, S3Clients clients) {
    this.location = location;
    this.settings = settings;
    this.clients = clients;
  }

  /** Opens {@code s3://bucket/prefix} with settings read from {@code env}. No request is made. */
  public static S3ObjectStore open(String uri, Map<String, String> env) {
    return open(S3Location.parse(uri), S3Settings.fromEnv(env));
  }

  public static S3ObjectStore open(S3Location location, S3Settings settings) {
    return new S3ObjectStore(location, settings, S3Clients.create(settings));
  }

  public S3Location location() {
    return location;
  }

  public S3Settings settings() {
    return settings;
  }

  @Override
  public String uri() {
    return location.uri();
  }

  @Override
  public String uriOf(String key) {
    return "s3://" + location.bucket() + "/" + objectKey(key);
  }

  @Override
  public String describe() {
    return location.uri() + " (" + settings + ")";
  }

  @Override
  public boolean isLocal() {
    return false;
  }

  @Override
  public Optional<StoredObject> get(String key) {
    String objectKey = objectKey(key);
    try {
      ResponseBytes<GetObjectResponse> response =
          clients.standard.getObjectAsBytes(b -> b.bucket(location.bucket()).key(objectKey));
      VersionToken token = new VersionToken(response.response().eTag());
      return Optional.of(new StoredObject(response.asByteArray(), token));
    } catch (SdkException e) {
      if (isMissingKey(e)) {
        return Optional.empty();
      }
      throw failure("get", key, e);
    }
  }

  @Override
  public boolean exists(String key) {
    String objectKey = objectKey(key);
    try {
      clients.standard.headObject(b -> b.bucket(location.bucket()).key(objectKey));
      return true;
    } catch (SdkException e) {
      if (isMissingKey(e)) {
        return false;
      }
      throw failure("exists", key, e);
    }
  }

  @Override
  public VersionToken put(String key, byte[] bytes) {
    PutObjectRequest request = putRequest(key).build();
    try {
      return write(clients.standard, request, bytes);
    } catch (SdkException e) {
      throw failure("put", key, e);
    }
  }

  @Override
  public Optional<VersionToken> createIfAbsent(String key, byte[] bytes) {
    PutObjectRequest request = putRequest(key).ifNoneMatch("*").build();
    try {
      return Optional.of(retryConflicts(() -> write(clients.conditional, request, bytes)));
    } catch (SdkException e) {
      if (S3Errors.status(e) == 412) {
        return Optional.empty();
      }
      throw failure("createIfAbsent", key, e);
    }
  }

  @Override
  public VersionToken compareAndSwap(String key, byte[] bytes, VersionToken expected) {
    PutObjectRequest request = putRequest(key).ifMatch(expected.value()).build();
    try {
      return retryConflicts(() -> write(clients.conditional, request, bytes));
    } catch (SdkException e) {
      throw switch (S3Errors.status(e)) {
        case 412 -> precondition(key, "the object changed (expected version " + expected + ")");
        case 404 ->
            precondition(
                key,
                "the object does not exist (expected version "
                    + expected
                    + "); create it with createIfAbsent");
        default -> failure("compareAndSwap", key, e);
      };
    }
  }

  @Override
  public List<String> list(String prefix) {
    ObjectKeys.requirePrefix(prefix);
    String full = location.prefix() + prefix;
    try {
      List<String> keys = new ArrayList<>();
      for (S3Object object :
          clients
              .standard
              .listObjectsV2Paginator(b -> b.bucket(location.bucket()).prefix(full))
              .contents()) {
        keys.add(object.key().substring(location.prefix().length()));
      }
      keys.sort(ObjectKeys.ORDER);
      return keys;
    } catch (SdkException e) {
      throw S3Errors.map("list", where(prefix) + "*", settings, e);
    }
  }

  @Override
  public void delete(String key) {
    String objectKey = objectKey(key);
    try {
      clients.standard.deleteObject(b -> b.bucket(location.bucket()).key(objectKey));
    } catch (SdkException e) {
      if (!isMissingKey(e)) {
        throw failure("delete", key, e);
      }
    }
  }

  @Override
  public int deletePrefix(String prefix) {
    List<String> keys = list(prefix);
    for (int from = 0; from < keys.size(); from += DELETE_BATCH) {
      deleteBatch(prefix, keys.subList(from, Math.min(keys.size(), from + DELETE_BATCH)));
    }
    return keys.size();
  }

  @Override
  public void close() {
    clients.close();
  }

  @Override
  public String toString() {
    return describe();
  }

  private void deleteBatch(String prefix, List<String> keys) {
    List<ObjectIdentifier> ids =
        keys.stream().map(k -> ObjectIdentifier.builder().key(objectKey(k)).build()).toList();
    Delete delete = Delete.builder().objects(ids).quiet(true).build();
    DeleteObjectsResponse response;
    try {
      response = clients.standard.deleteObjects(b -> b.bucket(location.bucket()).delete(delete));
    } catch (SdkException e) {
      throw S3Errors.map("deletePrefix", where(prefix) + "*", settings, e);
    }
    List<S3Error> errors =
        response.errors().stream().filter(err -> !"NoSuchKey".equals(err.code())).toList();
    if (!errors.isEmpty()) {
      S3Error first = errors.get(0);
      throw new StorageException(
          StorageException.Kind.UNKNOWN,
          "deletePrefix "
              + where(prefix)
              + "* failed for "
              + errors.size()
              + " objects, first "
              + first.key()
              + ": "
              + first.code()
              + " "
              + first.message());
    }
  }

  private PutObjectRequest.Builder putRequest(String key) {
    return PutObjectRequest.builder()
        .bucket(location.bucket())
        .key(objectKey(key))
        .contentType(CONTENT_TYPE);
  }

  private static VersionToken write(S3Client client, PutObjectRequest request, byte[] bytes) {
    return new VersionToken(client.putObject(request, RequestBody.fromBytes(bytes)).eTag());
  }

  private static VersionToken retryConflicts(Supplier<VersionToken> write) {
    for (int attempt = 1; ; attempt++) {
      try {
        return write.get();
      } catch (SdkException e) {
        if (S3Errors.status(e) != 409 || attempt >= CONFLICT_RETRIES) {
          throw e;
        }
        pause(attempt);
      }
    }
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(10L * attempt * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageException(StorageException.Kind.TRANSIENT, "interrupted", e);
    }
  }

  private String objectKey(String key) {
    return location.objectKey(ObjectKeys.requireKey(key));
  }

  /** The s3:// location of a (validated or partial) key, for messages. */
  private String where(String relative) {
    return "s3://" + location.bucket() + "/" + location.prefix() + relative;
  }

  private static boolean isMissingKey(SdkException e) {
    return S3Errors.status(e) == 404 && !S3Errors.code(e).equals("NoSuchBucket");
  }

  private StorageException failure(String operation, String key, SdkException e) {
    return S3Errors.map(operation, where(key), settings, e);
  }

  private StorageException precondition(String key, String reason) {
    return new StorageException(
        StorageException.Kind.PRECONDITION_FAILED,
        "compare-and-swap of " + where(key) + " failed: " + reason + "; re-read it and retry");
  }
}
