package com.org.sagemaker.studiodomain;

import static org.mockito.Mockito.mock;

import com.org.sagemaker.common.Backoff;
import com.org.sagemaker.common.HandlerTestSupport;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeDomainResponse;
import software.amazon.awssdk.services.sagemaker.model.ListTagsResponse;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.Logger;
import software.amazon.cloudformation.proxy.ProxyClient;

/** A mocked SageMaker behind a proxy that schedules callbacks exactly like the wrapper's. */
abstract class DomainTestBase {

  static final String DOMAIN_ID = "d-abc123";
  static final String DOMAIN_ARN = "arn:aws:sagemaker:us-east-1:123456789012:domain/" + DOMAIN_ID;
  static final String ROLE = "arn:aws:iam::123456789012:role/StudioExecution";
  static final int MAX_CHECKS = 5;
  static final DomainTimings TIMINGS =
      new DomainTimings(
          Backoff.shortest(MAX_CHECKS),
          Backoff.shortest(MAX_CHECKS),
          Backoff.shortest(MAX_CHECKS),
          java.time.Clock.fixed(java.time.Instant.EPOCH, java.time.ZoneOffset.UTC));

  final SageMakerClient sageMaker = mock(SageMakerClient.class);
  final AmazonWebServicesClientProxy proxy = HandlerTestSupport.callbackProxy();
  final ProxyClient<SageMakerClient> proxyClient = HandlerTestSupport.proxyClient(proxy, sageMaker);
  final Logger logger = mock(Logger.class);

  void verifyNoOtherCalls() {
    HandlerTestSupport.verifyNoOtherCalls(sageMaker);
  }

  static CallbackContext restore(final CallbackContext context) {
    return HandlerTestSupport.restore(context, CallbackContext.class);
  }

  static ResourceModel model() {
    return ResourceModel.builder()
        .domainName("studio")
        .authMode("IAM")
        .vpcId("vpc-1")
        .subnetIds(List.of("subnet-1", "subnet-2"))
        .defaultUserSettings(UserSettings.builder().executionRole(ROLE).build())
        .tags(List.of(Tag.builder().key("team").value("ml").build()))
        .build();
  }

  static ResourceModel modelWithId() {
    return model().toBuilder().domainId(DOMAIN_ID).build();
  }

  static DescribeDomainResponse domain(final String status) {
    return DescribeDomainResponse.builder()
        .domainId(DOMAIN_ID)
        .domainArn(DOMAIN_ARN)
        .domainName("studio")
        .authMode("IAM")
        .vpcId("vpc-1")
        .subnetIds("subnet-1", "subnet-2")
        .url("https://" + DOMAIN_ID + ".studio.us-east-1.sagemaker.aws")
        .homeEfsFileSystemId("fs-0123456789abcdef0")
        .appNetworkAccessType("PublicInternetOnly")
        .defaultUserSettings(
            software.amazon.awssdk.services.sagemaker.model.UserSettings.builder()
                .executionRole(ROLE)
                .build())
        .status(status)
        .build();
  }

  static ListTagsResponse tags(final Map<String, String> tags) {
    return HandlerTestSupport.listTagsResponse(tags);
  }

  static List<Tag> modelTags(final Map<String, String> tags) {
    return tags.entrySet().stream()
        .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
        .toList();
  }
}
