package com.org.sagemaker.studiouserprofile;

import static com.org.sagemaker.common.HandlerTestSupport.serviceError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.org.sagemaker.common.HandlerFailure;
import com.org.sagemaker.common.HandlerTestSupport;
import com.org.sagemaker.common.Tagging;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.sagemaker.model.CreateUserProfileRequest;
import software.amazon.awssdk.services.sagemaker.model.CreateUserProfileResponse;
import software.amazon.awssdk.services.sagemaker.model.DeleteUserProfileRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeDomainRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeUserProfileRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeUserProfileResponse;
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

  private static final String TOKEN = "request-token-1";

  private List<ProgressEvent<ResourceModel, CallbackContext>> create(final ResourceModel model) {
    final ResourceHandlerRequest<ResourceModel> request =
        ResourceHandlerRequest.<ResourceModel>builder()
            .clientRequestToken(TOKEN)
            .desiredResourceState(model)
            .desiredResourceTags(Map.of("team", "ml"))
            .systemTags(SYSTEM_TAGS)
            .build();
    return untilDone(context -> handler.handleRequest(proxy, request, context, logger));
  }

  /** The name is free when the create starts; later descriptions follow. */
  private void givenNewProfile(final DescribeUserProfileResponse... later) {
    var stubbing =
        when(sageMaker.describeUserProfile(any(DescribeUserProfileRequest.class)))
            .thenThrow(serviceError(400, "ResourceNotFound", "User profile alice not found"));
    for (final DescribeUserProfileResponse response : later) {
      stubbing = stubbing.thenReturn(response);
    }
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
    givenNewProfile(profile("Pending"), profile("InService"));
    when(sageMaker.listTags(any(ListTagsRequest.class))).thenReturn(tags(Map.of("team", "ml")));

    final List<ProgressEvent<ResourceModel, CallbackContext>> events = create(model());

    // The name is free and created (nothing to look at yet); Pending; InService.
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
    // The operation's token marks the profile as this operation's; CloudFormation's aws: system
    // tags are never sent (SageMaker reserves the prefix).
    assertThat(captor.getValue().tags())
        .extracting(t -> t.key() + "=" + t.value())
        .containsExactly(Tagging.CREATION_TOKEN + "=" + TOKEN, "team=ml");
    verify(sageMaker, times(1)).describeDomain(any(DescribeDomainRequest.class));
    // The name's check, two waits; the final read reuses the one that showed it InService.
    verify(sageMaker, times(3)).describeUserProfile(any(DescribeUserProfileRequest.class));
    verify(sageMaker).listTags(any(ListTagsRequest.class));
    verifyNoOtherCalls();
  }

  @Test
  void adoptsItsOwnProfileWhenTheCreateResponseWasLost() {
    givenDomain("InService", "IAM");
    when(sageMaker.createUserProfile(any(CreateUserProfileRequest.class)))
        .thenThrow(serviceError(400, "ResourceInUse", "User profile alice already exists"));
    givenNewProfile(profile("InService"));
    when(sageMaker.listTags(any(ListTagsRequest.class)))
        .thenReturn(tags(Map.of(Tagging.CREATION_TOKEN, TOKEN, "team", "ml")));

    final List<ProgressEvent<ResourceModel, CallbackContext>> events = create(model());

    assertThat(events)
        .last()
        .satisfies(e -> assertThat(e.getStatus()).isEqualTo(OperationStatus.SUCCESS));
  }

  @Test
  void aProfileThatExistedBeforeIsAlreadyExistsAsTheFirstEventWithoutAModel() {
    when(sageMaker.describeUserProfile(any(DescribeUserProfileRequest.class)))
        .thenReturn(profile("InService"));
    // Made by another operation: e.g. the same stack and logical id before a same-name
    // replacement, whose Delete would otherwise remove the adopted profile.
    when(sageMaker.listTags(any(ListTagsRequest.class)))
        .thenReturn(tags(Map.of(Tagging.CREATION_TOKEN, "an-earlier-request", "team", "ml")));

    final List<ProgressEvent<ResourceModel, CallbackContext>> events = create(model());

    // No identifier: nothing for CloudFormation's rollback to delete.
    assertThat(events)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(HandlerErrorCode.AlreadyExists);
              assertThat(e.getResourceModel()).isNull();
              assertThat(e.getMessage())
                  .startsWith(
                      "User profile alice in domain d-abc123 already exists and this operation did"
                          + " not create it.")
                  .contains("rename it");
            });
    verify(sageMaker, never()).describeDomain(any(DescribeDomainRequest.class));
    verify(sageMaker, never()).createUserProfile(any(CreateUserProfileRequest.class));
    verify(sageMaker, never()).deleteUserProfile(any(DeleteUserProfileRequest.class));
  }

  @Test
  void aProfileMadeWhileTheDomainWasBusyIsAlreadyExistsToo() {
    when(sageMaker.describeDomain(any(DescribeDomainRequest.class)))
        .thenReturn(domain("Updating", "IAM"), domain("InService", "IAM"));
    when(sageMaker.createUserProfile(any(CreateUserProfileRequest.class)))
        .thenThrow(serviceError(400, "ResourceInUse", "User profile alice already exists"));
    givenNewProfile(profile("InService"));
    when(sageMaker.listTags(any(ListTagsRequest.class)))
        .thenReturn(tags(Map.of(Tagging.CREATION_TOKEN, "someone-else")));

    assertThat(create(model()))
        .last()
        .satisfies(
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(HandlerErrorCode.AlreadyExists);
              assertThat(e.getResourceModel()).isNull();
            });
  }

  @Test
  void aMissingDomainIsAnInvalidRequestNamingIt() {
    givenNewProfile();
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
  void waitsWhileTheDomainIsBusyThenCreates() {
    when(sageMaker.describeDomain(any(DescribeDomainRequest.class)))
        .thenReturn(domain("Updating", "IAM"), domain("InService", "IAM"));
    when(sageMaker.createUserProfile(any(CreateUserProfileRequest.class)))
        .thenReturn(CreateUserProfileResponse.builder().userProfileArn(PROFILE_ARN).build());
    givenNewProfile(profile("InService"));
    when(sageMaker.listTags(any(ListTagsRequest.class))).thenReturn(tags(Map.of("team", "ml")));

    final List<ProgressEvent<ResourceModel, CallbackContext>> events = create(model());

    // The domain is Updating; it is InService and the profile is created; InService.
    assertThat(events)
        .extracting(ProgressEvent::getStatus)
        .containsExactly(
            OperationStatus.IN_PROGRESS, OperationStatus.IN_PROGRESS, OperationStatus.SUCCESS);
    verify(sageMaker, times(1)).createUserProfile(any(CreateUserProfileRequest.class));
  }

  @Test
  void aDomainThatCannotTakeProfilesIsAnInvalidRequest() {
    givenNewProfile();
    when(sageMaker.describeDomain(any(DescribeDomainRequest.class)))
        .thenReturn(
            domain("Update_Failed", "IAM").toBuilder().failureReason("Role cannot read").build());

    assertThat(HandlerTestSupport.failure(create(model())))
        .isInstanceOfSatisfying(
            HandlerFailure.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(HandlerErrorCode.InvalidRequest))
        .hasMessageContaining("Domain d-abc123 is Update_Failed (Role cannot read)");
    verify(sageMaker, never()).createUserProfile(any(CreateUserProfileRequest.class));
  }

  @Test
  void ssoFieldsMustMatchTheDomainsAuthMode() {
    givenNewProfile();
    givenDomain("InService", "SSO");
    assertThat(HandlerTestSupport.failure(create(model())))
        .isInstanceOf(HandlerFailure.class)
        .hasMessageContaining(
            "SingleSignOnUserIdentifier (UserName) and SingleSignOnUserValue are required");

    givenDomain("InService", "IAM");
    final ResourceModel sso =
        model().toBuilder()
            .singleSignOnUserIdentifier("UserName")
            .singleSignOnUserValue("alice")
            .build();
    assertThat(HandlerTestSupport.failure(create(sso)))
        .isInstanceOf(HandlerFailure.class)
        .hasMessageContaining("only for SSO domains");
  }

  @Test
  void ssoFieldsGoTogetherAndAreCheckedBeforeAnyCall() {
    assertThat(
            HandlerTestSupport.failure(
                create(model().toBuilder().singleSignOnUserValue("alice").build())))
        .isInstanceOfSatisfying(
            HandlerFailure.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(HandlerErrorCode.InvalidRequest))
        .hasMessageContaining("SingleSignOnUserIdentifier and SingleSignOnUserValue");
    assertThat(
            HandlerTestSupport.failure(create(model().toBuilder().userProfileName(null).build())))
        .isInstanceOf(HandlerFailure.class)
        .hasMessageContaining("UserProfileName");
    verifyNoInteractions(sageMaker);
  }

  @Test
  void aFailedProfileReportsSageMakersReason() {
    givenDomain("InService", "IAM");
    when(sageMaker.createUserProfile(any(CreateUserProfileRequest.class)))
        .thenReturn(CreateUserProfileResponse.builder().build());
    givenNewProfile(
        profile("Failed").toBuilder().failureReason("Execution role cannot be assumed").build());

    assertThat(HandlerTestSupport.failure(create(model())))
        .isInstanceOf(HandlerFailure.class)
        .hasMessage(
            "User profile alice in domain d-abc123 is Failed: Execution role cannot be assumed");
  }
}
