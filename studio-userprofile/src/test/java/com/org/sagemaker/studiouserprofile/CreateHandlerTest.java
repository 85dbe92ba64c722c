package com.org.sagemaker.studiouserprofile;

import static com.org.sagemaker.common.HandlerTestSupport.serviceError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.org.sagemaker.common.HandlerFailure;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.sagemaker.model.CreateUserProfileRequest;
import software.amazon.awssdk.services.sagemaker.model.CreateUserProfileResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeDomainRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeUserProfileRequest;
import software.amazon.awssdk.services.sagemaker.model.ListTagsRequest;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.OperationStatus;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

class CreateHandlerTest extends ProfileTestBase {

  private static final Map<String, String> SYSTEM_TAGS =
      Map.of(
          "aws:cloudformation:stack-id", "arn:aws:cloudformation:us-east-1:123456789012:stack/s/1",
          "aws:cloudformation:logical-id", "Alice",
          "aws:cloudformation:stack-name", "s");

  private final CreateHandler handler = new CreateHandler(TIMINGS, () -> sageMaker);

  private List<ProgressEvent<ResourceModel, CallbackContext>> create(final ResourceModel model) {
    final ResourceHandlerRequest<ResourceModel> request =
        ResourceHandlerRequest.<ResourceModel>builder()
            .desiredResourceState(model)
            .desiredResourceTags(Map.of("team", "ml"))
            .systemTags(SYSTEM_TAGS)
            .build();
    return untilDone(
        context -> handler.handleRequest(proxy, request, context, proxyClient, logger));
  }

  private void givenDomain(final String status, final String authMode) {
    when(sageMaker.describeDomain(any(DescribeDomainRequest.class)))
        .thenReturn(domain(status, authMode));
  }

  @Test
  void checksTheDomainCreatesOnceAndWaitsForInService() {
    givenDomain("InService", "IAM");
    when(sageMaker.createUserProfile(any(CreateUserProfileRequest.class)))
        .thenReturn(CreateUserProfileResponse.builder().userProfileArn(PROFILE_ARN).build());
    when(sageMaker.describeUserProfile(any(DescribeUserProfileRequest.class)))
        .thenReturn(profile("Pending"), profile("InService"));
    when(sageMaker.listTags(any(ListTagsRequest.class))).thenReturn(tags(Map.of("team", "ml")));

    final List<ProgressEvent<ResourceModel, CallbackContext>> events = create(model());

    // Created (nothing to look at yet); Pending; InService.
    assertThat(events).hasSize(3);
    assertThat(events.subList(0, 2))
        .allSatisfy(
            event -> {
              assertThat(event.getStatus()).isEqualTo(OperationStatus.IN_PROGRESS);
              assertThat(event.getCallbackDelaySeconds()).isPositive();
              assertThat(event.getResourceModel().getDomainId()).isEqualTo(DOMAIN_ID);
              assertThat(event.getResourceModel().getUserProfileName()).isEqualTo(NAME);
            });
    final ResourceModel created = events.get(2).getResourceModel();
    assertThat(events.get(2).getStatus()).isEqualTo(OperationStatus.SUCCESS);
    assertThat(created.getUserProfileArn()).isEqualTo(PROFILE_ARN);
    assertThat(created.getHomeEfsFileSystemUid()).isEqualTo("200001");
    assertThat(created.getTags()).containsExactly(Tag.builder().key("team").value("ml").build());

    final ArgumentCaptor<CreateUserProfileRequest> captor =
        ArgumentCaptor.forClass(CreateUserProfileRequest.class);
    verify(sageMaker, times(1)).createUserProfile(captor.capture());
    assertThat(captor.getValue().domainId()).isEqualTo(DOMAIN_ID);
    assertThat(captor.getValue().userProfileName()).isEqualTo(NAME);
    assertThat(captor.getValue().userSettings().executionRole()).isEqualTo(ROLE);
    assertThat(captor.getValue().tags())
        .extracting(t -> t.key())
        .contains("team", "aws:cloudformation:logical-id");
    verify(sageMaker, times(1)).describeDomain(any(DescribeDomainRequest.class));
    // The final read reuses the description that showed the profile InService.
    verify(sageMaker, times(2)).describeUserProfile(any(DescribeUserProfileRequest.class));
    verify(sageMaker).listTags(any(ListTagsRequest.class));
    verifyNoOtherCalls();
  }

  @Test
  void adoptsItsOwnProfileWhenTheCreateResponseWasLost() {
    givenDomain("InService", "IAM");
    when(sageMaker.createUserProfile(any(CreateUserProfileRequest.class)))
        .thenThrow(serviceError(400, "ResourceInUse", "User profile alice already exists"));
    when(sageMaker.describeUserProfile(any(DescribeUserProfileRequest.class)))
        .thenReturn(profile("InService"));
    when(sageMaker.listTags(any(ListTagsRequest.class))).thenReturn(tags(SYSTEM_TAGS));

    final List<ProgressEvent<ResourceModel, CallbackContext>> events = create(model());

    assertThat(events)
        .last()
        .satisfies(e -> assertThat(e.getStatus()).isEqualTo(OperationStatus.SUCCESS));
  }

  @Test
  void aProfileThatExistedBeforeIsAlreadyExists() {
    givenDomain("InService", "IAM");
    when(sageMaker.createUserProfile(any(CreateUserProfileRequest.class)))
        .thenThrow(serviceError(400, "ResourceInUse", "User profile alice already exists"));
    when(sageMaker.describeUserProfile(any(DescribeUserProfileRequest.class)))
        .thenReturn(profile("InService"));
    when(sageMaker.listTags(any(ListTagsRequest.class)))
        .thenReturn(
            tags(
                Map.of(
                    "aws:cloudformation:stack-id",
                    "another-stack",
                    "aws:cloudformation:logical-id",
                    "Alice")));

    final List<ProgressEvent<ResourceModel, CallbackContext>> events = create(model());

    assertThat(events)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(HandlerErrorCode.AlreadyExists);
              assertThat(e.getMessage()).contains("already exists");
            });
  }

  @Test
  void aMissingDomainIsAnInvalidRequestNamingIt() {
    when(sageMaker.describeDomain(any(DescribeDomainRequest.class)))
        .thenThrow(serviceError(400, "ResourceNotFound", "Domain d-abc123 does not exist"));

    final List<ProgressEvent<ResourceModel, CallbackContext>> events = create(model());

    assertThat(events)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(HandlerErrorCode.InvalidRequest);
              assertThat(e.getMessage()).contains("d-abc123");
            });
    verify(sageMaker, never()).createUserProfile(any(CreateUserProfileRequest.class));
  }

  @Test
  void aDomainNotInServiceIsAConflict() {
    givenDomain("Updating", "IAM");

    assertThatThrownBy(() -> create(model()))
        .isInstanceOfSatisfying(
            HandlerFailure.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(HandlerErrorCode.ResourceConflict))
        .hasMessageContaining("Domain d-abc123 is Updating");
  }

  @Test
  void ssoFieldsMustMatchTheDomainsAuthMode() {
    givenDomain("InService", "SSO");
    assertThatThrownBy(() -> create(model()))
        .isInstanceOf(HandlerFailure.class)
        .hasMessageContaining(
            "SingleSignOnUserIdentifier (UserName) and SingleSignOnUserValue are required");

    givenDomain("InService", "IAM");
    final ResourceModel sso =
        model().toBuilder()
            .singleSignOnUserIdentifier("UserName")
            .singleSignOnUserValue("alice")
            .build();
    assertThatThrownBy(() -> create(sso))
        .isInstanceOf(HandlerFailure.class)
        .hasMessageContaining("only for SSO domains");
  }

  @Test
  void ssoFieldsGoTogetherAndAreCheckedBeforeAnyCall() {
    assertThatThrownBy(() -> create(model().toBuilder().singleSignOnUserValue("alice").build()))
        .isInstanceOfSatisfying(
            HandlerFailure.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(HandlerErrorCode.InvalidRequest))
        .hasMessageContaining("SingleSignOnUserIdentifier and SingleSignOnUserValue");
    assertThatThrownBy(() -> create(model().toBuilder().userProfileName(null).build()))
        .isInstanceOf(HandlerFailure.class)
        .hasMessageContaining("UserProfileName");
    verifyNoInteractions(sageMaker);
  }

  @Test
  void aFailedProfileReportsSageMakersReason() {
    givenDomain("InService", "IAM");
    when(sageMaker.createUserProfile(any(CreateUserProfileRequest.class)))
        .thenReturn(CreateUserProfileResponse.builder().build());
    when(sageMaker.describeUserProfile(any(DescribeUserProfileRequest.class)))
        .thenReturn(
            profile("Failed").toBuilder()
                .failureReason("Execution role cannot be assumed")
                .build());

    assertThatThrownBy(() -> create(model()))
        .isInstanceOf(HandlerFailure.class)
        .hasMessage(
            "User profile alice in domain d-abc123 is Failed: Execution role cannot be assumed");
  }
}
