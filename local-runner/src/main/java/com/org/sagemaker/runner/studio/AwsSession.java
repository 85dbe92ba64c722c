package com.org.sagemaker.runner.studio;

import com.org.sagemaker.runner.engine.HandlerInvoker;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * What the runner acts with on AWS ({@code --aws}): the SDK's default credential chain and region,
 * the credentials passed to the handlers as CloudFormation passes them, and the caller's account.
 *
 * <p>CloudFormation always gives a handler session credentials, and the Java plugin's proxy refuses
 * credentials without a session token ("sessionToken must not be null."). Long-term keys (an IAM
 * user's) are turned into session credentials the way the cfn CLI does for its contract tests
 * (cloudformation-cli, src/rpdk/core/boto_helpers.py, get_temporary_credentials: the frozen
 * credentials if they have a token, else STS GetSessionToken). Like the cfn CLI, it asks for no
 * duration: STS gives its default, "43,200 seconds (12 hours)" for an IAM user (STS API reference,
 * GetSessionToken, DurationSeconds), long enough for a deploy that waits on SageMaker. Nothing here
 * logs or prints a credential.
 */
final class AwsSession {

  static final String NO_CREDENTIALS =
      "--aws: no AWS credentials found. Give them as AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"
          + " (and AWS_SESSION_TOKEN), or name a profile with AWS_PROFILE (aws configure, aws sso"
          + " login).";

  static final String NO_REGION =
      "--aws: no AWS region found. Set AWS_REGION, or a region in your AWS profile.";

  private AwsSession() {}

  /** The SDK's default region chain, or one line saying how to give a region. */
  static String region() {
    try {
      return new DefaultAwsRegionProviderChain().getRegion().id();
    } catch (final SdkClientException e) {
      throw new IllegalStateException(NO_REGION, e);
    }
  }

  /** Session credentials for the handlers: the chain's own, or GetSessionToken's for plain keys. */
  static HandlerInvoker.Credentials credentials(final String region) {
    final AwsCredentials found = chain();
    if (found instanceof AwsSessionCredentials session) {
      return new HandlerInvoker.Credentials(
          session.accessKeyId(), session.secretAccessKey(), session.sessionToken());
    }
    try (StsClient sts = sts(region, found)) {
      final Credentials session = sts.getSessionToken(request -> {}).credentials();
      return new HandlerInvoker.Credentials(
          session.accessKeyId(), session.secretAccessKey(), session.sessionToken());
    }
  }

  /**
   * The account the credentials belong to (STS GetCallerIdentity, which "no permissions are
   * required to perform", API reference), as the cfn CLI finds it (boto_helpers.py, get_account).
   */
  static String account(final String region) {
    try (StsClient sts = sts(region, chain())) {
      return sts.getCallerIdentity(request -> {}).account();
    }
  }

  private static AwsCredentials chain() {
    try (DefaultCredentialsProvider provider = DefaultCredentialsProvider.builder().build()) {
      return provider.resolveCredentials();
    } catch (final SdkClientException e) {
      // The chain's own message lists every provider it tried, about 1,500 characters.
      throw new IllegalStateException(NO_CREDENTIALS, e);
    }
  }

  /** An STS client; its endpoint follows the SDK's settings (AWS_ENDPOINT_URL_STS). */
  private static StsClient sts(final String region, final AwsCredentials credentials) {
    return StsClient.builder()
        .region(Region.of(region))
        .credentialsProvider(StaticCredentialsProvider.create(credentials))
        .httpClientBuilder(ApacheHttpClient.builder())
        .build();
  }
}
