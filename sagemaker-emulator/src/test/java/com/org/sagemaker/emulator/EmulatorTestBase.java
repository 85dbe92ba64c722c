package com.org.sagemaker.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.CreateAppRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeAppResponse;

/** An emulator on a manual clock, and a real SDK client pointed at it without retries. */
abstract class EmulatorTestBase {

  static final String ROLE = "arn:aws:iam::123456789012:role/Studio";

  final VirtualClock clock = VirtualClock.manual(Instant.parse("2026-01-01T00:00:00Z"));
  final SageMakerEmulator emulator = start();
  final SageMakerClient sageMaker =
      SageMakerClient.builder()
          .endpointOverride(emulator.endpoint())
          .region(Region.US_EAST_1)
          .credentialsProvider(
              StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
          .httpClient(UrlConnectionHttpClient.create())
          .overrideConfiguration(
              o -> o.retryStrategy(RetryMode.STANDARD).retryStrategy(b -> b.maxAttempts(1)))
          .build();

  private SageMakerEmulator start() {
    try {
      return SageMakerEmulator.start(
          SageMakerEmulator.Options.defaults().withClock(clock).withDomainLimit(30));
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterEach
  void stop() {
    sageMaker.close();
    emulator.close();
  }

  void advance(final Duration duration) {
    clock.advance(duration);
  }

  String createDomain(final String name) {
    return sageMaker
        .createDomain(
            r ->
                r.domainName(name)
                    .authMode("IAM")
                    .vpcId("vpc-1")
                    .subnetIds("subnet-1")
                    .defaultUserSettings(u -> u.executionRole(ROLE)))
        .domainId();
  }

  String inServiceDomain() {
    final String domainId = createDomain("studio");
    advance(Timings.REALISTIC.domainCreate());
    return domainId;
  }

  void inServiceProfile(final String domainId, final String name) {
    sageMaker.createUserProfile(r -> r.domainId(domainId).userProfileName(name));
    advance(Timings.REALISTIC.profileCreate());
  }

  /** Creates the JupyterServer app "default" of {@code profile}, with what {@code more} adds. */
  String createProfileApp(
      final String domainId, final String profile, final Consumer<CreateAppRequest.Builder> more) {
    return sageMaker
        .createApp(
            r -> {
              r.domainId(domainId)
                  .userProfileName(profile)
                  .appType("JupyterServer")
                  .appName("default");
              more.accept(r);
            })
        .appArn();
  }

  String createProfileApp(final String domainId, final String profile) {
    return createProfileApp(domainId, profile, r -> {});
  }

  DescribeAppResponse describeProfileApp(final String domainId, final String profile) {
    return sageMaker.describeApp(
        r ->
            r.domainId(domainId)
                .userProfileName(profile)
                .appType("JupyterServer")
                .appName("default"));
  }

  void deleteProfileApp(final String domainId, final String profile) {
    sageMaker.deleteApp(
        r ->
            r.domainId(domainId)
                .userProfileName(profile)
                .appType("JupyterServer")
                .appName("default"));
  }
}
