package io.omnigraph.storage.testing;

import java.util.concurrent.locks.ReentrantLock;
import org.gaul.s3proxy.PutOptions2;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.KeyNotFoundException;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.domain.BlobMetadata;
import org.jclouds.blobstore.options.PutOptions;
import org.jclouds.blobstore.util.ForwardingBlobStore;

/**
 * Makes S3Proxy's conditional PUTs atomic. S3Proxy 3.1.0 checks {@code If-Match} / {@code
 * If-None-Match} and then writes in two separate steps, so racing writers can both win. This
 * wrapper re-evaluates the condition (passed down in {@link PutOptions2}) and writes while holding
 * a per-key lock; every other write and delete of that key takes the same lock. Failures surface as
 * S3 does: 412 PreconditionFailed (S3Proxy maps an {@link IllegalStateException} whose message
 * starts with "PreconditionFailed") and 404 NoSuchKey for {@code If-Match} on a missing key.
 */
public final class ConditionalBlobStore extends ForwardingBlobStore {
  private final ReentrantLock[] stripes = new ReentrantLock[64];

  public ConditionalBlobStore(BlobStore delegate) {
    super(delegate);
    for (int i = 0; i < stripes.length; i++) {
      stripes[i] = new ReentrantLock();
    }
  }

  @Override
  public String putBlob(String container, Blob blob) {
    return putBlob(container, blob, PutOptions.NONE);
  }

  @Override
  public String putBlob(String container, Blob blob, PutOptions options) {
    String key = blob.getMetadata().getName();
    ReentrantLock lock = lockFor(container, key);
    lock.lock();
    try {
      if (options instanceof PutOptions2 conditions) {
        check(container, key, conditions);
      }
      return delegate().putBlob(container, blob, options);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void removeBlob(String container, String key) {
    ReentrantLock lock = lockFor(container, key);
    lock.lock();
    try {
      delegate().removeBlob(container, key);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void removeBlobs(String container, Iterable<String> keys) {
    for (String key : keys) {
      removeBlob(container, key);
    }
  }

  private void check(String container, String key, PutOptions2 conditions) {
    String ifMatch = conditions.getIfMatch();
    String ifNoneMatch = conditions.getIfNoneMatch();
    if (ifMatch == null && ifNoneMatch == null) {
      return;
    }
    BlobMetadata current = delegate().blobMetadata(container, key);
    String etag = current == null ? null : unquote(current.getETag());
    if (ifMatch != null) {
      if (current == null) {
        throw new KeyNotFoundException(container, key, "If-Match on a missing key");
      }
      if (!ifMatch.equals("*") && !unquote(ifMatch).equals(etag)) {
        throw preconditionFailed(key, "If-Match " + ifMatch + " but the ETag is " + etag);
      }
    }
    if (ifNoneMatch != null && current != null) {
      if (ifNoneMatch.equals("*") || unquote(ifNoneMatch).equals(etag)) {
        throw preconditionFailed(key, "If-None-Match " + ifNoneMatch + " and the key exists");
      }
    }
  }

  private static IllegalStateException preconditionFailed(String key, String why) {
    return new IllegalStateException("PreconditionFailed: " + key + ": " + why);
  }

  private static String unquote(String etag) {
    if (etag != null && etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")) {
      return etag.substring(1, etag.length() - 1);
    }
    return etag;
  }

  private ReentrantLock lockFor(String container, String key) {
    return stripes[Math.floorMod((container + "/" + key).hashCode(), stripes.length)];
  }
}
