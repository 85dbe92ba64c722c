package com.org.sagemaker.studiouserprofile;

import static org.mockito.Mockito.mock;

import com.org.sagemaker.common.Backoff;
import com.org.sagemaker.common.HandlerTestSupport;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeDomainResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeUserProfileResponse;
import software.amazon.awssdk.services.sagemaker.model.ListTagsResponse;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.Logger;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ProxyClient;

/** A mocked SageMaker behind a proxy that schedules callbacks exactly like the wrapper's. */
abstract class ProfileTestBase {

  static final String DOMAIN_ID = "d-abc123";
  static final String NAME = "alice";
  static final String PROFILE_ARN =
      "arn:aws:sagemaker:us-east-1:123456789012:user-profile/" + DOMAIN_ID + "/" + NAME;
  static final String ROLE = "arn:aws:iam::123456789012:role/StudioExecution";
  static final int MAX_CHECKS = 5;
  static final ProfileTimings TIMINGS =
      new ProfileTimings(
          Backoff.shortest(MAX_CHECKS),
          Backoff.shortest(MAX_CHECKS),
          Backoff.shortest(MAX_CHECKS),
          Backoff.shortest(MAX_CHECKS),
          java.time.Clock.fixed(java.time.Instant.EPOCH, java.time.ZoneOffset.UTC));

  final SageMakerClient sageMaker = mock(SageMakerClient.class);
  final AmazonWebServicesClientProxy proxy = HandlerTestSupport.callbackProxy();
  final ProxyClient<SageMakerClient> proxyClient = HandlerTestSupport.proxyClient(proxy, sageMaker);
  final Logger logger = mock(Logger.class);

  static ResourceModel model() {
    return ResourceModel.builder()
        .domainId(DOMAIN_ID)
        .userProfileName(NAME)
        .userSettings(UserSettings.builder().executionRole(ROLE).build())
        .tags(List.of(Tag.builder().key("team").value("ml").build()))
        .build();
  }

  static DescribeUserProfileResponse profile(final String status) {
    return DescribeUserProfileResponse.builder()
        .domainId(DOMAIN_ID)
        .userProfileName(NAME)
        .userProfileArn(PROFILE_ARN)
        .homeEfsFileSystemUid("200001")
        .userSettings(
            software.amazon.awssdk.services.sagemaker.model.UserSettings.builder()
                .executionRole(ROLE)
                .build())
        .status(status)
        .build();
  }

  static DescribeDomainResponse domain(final String status, final String authMode) {
    return DescribeDomainResponse.builder()
        .domainId(DOMAIN_ID)
        .status(status)
        .authMode(authMode)
        .build();
  }

  static ListTagsResponse tags(final Map<String, String> tags) {
    return HandlerTestSupport.listTagsResponse(tags);
  }

  void verifyNoOtherCalls() {
    HandlerTestSupport.verifyNoOtherCalls(sageMaker);
  }

  static List<ProgressEvent<ResourceModel, CallbackContext>> untilDone(
      final Function<CallbackContext, ProgressEvent<ResourceModel, CallbackContext>> invocation) {
    return HandlerTestSupport.untilDone(
        new CallbackContext(),
        context -> invocation.apply(HandlerTestSupport.restore(context, CallbackContext.class)),
        20);
  }
}
