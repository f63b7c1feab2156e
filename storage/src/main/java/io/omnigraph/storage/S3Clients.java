package io.omnigraph.storage;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * The SDK clients of one {@link S3ObjectStore}, sharing one HTTP client: {@code standard} retries
 * transient failures (idempotent calls only), {@code conditional} never retries, because a
 * conditional write whose response was lost must surface as an unknown outcome, not as a 412 on the
 * retry.
 */
final class S3Clients implements AutoCloseable {
  private final SdkHttpClient http;
  final S3Client standard;
  final S3Client conditional;

  private S3Clients(SdkHttpClient http, S3Client standard, S3Client conditional) {
    this.http = http;
    this.standard = standard;
    this.conditional = conditional;
  }

  static S3Clients create(S3Settings settings) {
    Region region = region(settings);
    AwsCredentialsProvider credentials = credentials(settings);
    SdkHttpClient http =
        ApacheHttpClient.builder()
            .maxConnections(64)
            .connectionTimeout(Duration.ofSeconds(5))
            .socketTimeout(Duration.ofSeconds(60))
            .build();
    return new S3Clients(
        http,
        build(settings, region, credentials, http, AwsRetryStrategy.standardRetryStrategy()),
        build(settings, region, credentials, http, AwsRetryStrategy.doNotRetry()));
  }

  private static S3Client build(
      S3Settings settings,
      Region region,
      AwsCredentialsProvider credentials,
      SdkHttpClient http,
      RetryStrategy retries) {
    S3ClientBuilder builder =
        S3Client.builder()
            .httpClient(http)
            .region(region)
            .credentialsProvider(credentials)
            .forcePathStyle(settings.pathStyle())
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            .overrideConfiguration(o -> o.retryStrategy(retries));
    settings.endpoint().ifPresent(builder::endpointOverride);
    return builder.build();
  }

  private static Region region(S3Settings settings) {
    if (settings.region().isPresent()) {
      return Region.of(settings.region().get());
    }
    try {
      return new DefaultAwsRegionProviderChain().getRegion();
    } catch (SdkClientException e) {
      throw new StorageException(
          StorageException.Kind.CONFIGURATION,
          "no AWS region configured; set AWS_REGION (e.g. AWS_REGION=us-east-1)",
          e);
    }
  }

  private static AwsCredentialsProvider credentials(S3Settings settings) {
    if (!settings.hasStaticCredentials()) {
      return DefaultCredentialsProvider.builder().build();
    }
    String id = settings.accessKeyId().orElseThrow();
    String secret = settings.secretAccessKey().orElseThrow();
    AwsCredentials credentials =
        settings
            .sessionToken()
            .<AwsCredentials>map(token -> AwsSessionCredentials.create(id, secret, token))
            .orElseGet(() -> AwsBasicCredentials.create(id, secret));
    return StaticCredentialsProvider.create(credentials);
  }

  @Override
  public void close() {
    standard.close();
    conditional.close();
    http.close();
  }
}
