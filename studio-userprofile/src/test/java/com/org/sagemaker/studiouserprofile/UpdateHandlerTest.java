package com.org.sagemaker.studiouserprofile;

import static com.org.sagemaker.common.HandlerTestSupport.serviceError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.org.sagemaker.common.HandlerFailure;
import com.org.sagemaker.common.HandlerTestSupport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.sagemaker.model.AddTagsRequest;
import software.amazon.awssdk.services.sagemaker.model.AddTagsResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeUserProfileRequest;
import software.amazon.awssdk.services.sagemaker.model.ListTagsRequest;
import software.amazon.awssdk.services.sagemaker.model.UpdateUserProfileRequest;
import software.amazon.awssdk.services.sagemaker.model.UpdateUserProfileResponse;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.OperationStatus;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

class UpdateHandlerTest extends ProfileTestBase {

  private final UpdateHandler handler = new UpdateHandler(TIMINGS, () -> sageMaker);

  private List<ProgressEvent<ResourceModel, CallbackContext>> update(
      final ResourceModel previous,
      final ResourceModel desired,
      final Map<String, String> desiredTags) {
    final ResourceHandlerRequest<ResourceModel> request =
        ResourceHandlerRequest.<ResourceModel>builder()
            .previousResourceState(previous)
            .desiredResourceState(desired)
            .previousResourceTags(Map.of("team", "ml"))
            .desiredResourceTags(desiredTags)
            .build();
    return untilDone(context -> handler.handleRequest(proxy, request, context, logger));
  }

  private void givenInService() {
    when(sageMaker.describeUserProfile(any(DescribeUserProfileRequest.class)))
        .thenReturn(profile("InService"));
  }

  /** The profile was described (it exists: NotFound comes first) and nothing else. */
  private void verifyNothingChanged() {
    verify(sageMaker).describeUserProfile(any(DescribeUserProfileRequest.class));
    verifyNoOtherCalls();
  }

  @Test
  void updatesUserSettingsInPlaceAndWaits() {
    when(sageMaker.describeUserProfile(any(DescribeUserProfileRequest.class)))
        .thenReturn(
            profile("InService"), profile("Updating"), profile("InService"), profile("InService"));
    when(sageMaker.updateUserProfile(any(UpdateUserProfileRequest.class)))
        .thenReturn(UpdateUserProfileResponse.builder().build());
    when(sageMaker.listTags(any(ListTagsRequest.class))).thenReturn(tags(Map.of("team", "ml")));
    final ResourceModel desired =
        model().toBuilder()
            .userSettings(
                UserSettings.builder().executionRole(ROLE).securityGroups(List.of("sg-1")).build())
            .build();

    final List<ProgressEvent<ResourceModel, CallbackContext>> events =
        update(model(), desired, Map.of("team", "ml"));

    // Ready, so UpdateUserProfile (nothing to look at yet); Updating; InService.
    assertThat(events)
        .extracting(ProgressEvent::getStatus)
        .containsExactly(
            OperationStatus.IN_PROGRESS, OperationStatus.IN_PROGRESS, OperationStatus.SUCCESS);
    final ArgumentCaptor<UpdateUserProfileRequest> captor =
        ArgumentCaptor.forClass(UpdateUserProfileRequest.class);
    verify(sageMaker).updateUserProfile(captor.capture());
    assertThat(captor.getValue().domainId()).isEqualTo(DOMAIN_ID);
    assertThat(captor.getValue().userProfileName()).isEqualTo(NAME);
    assertThat(captor.getValue().userSettings().securityGroups()).containsExactly("sg-1");
  }

  @Test
  void tagsChangeInPlaceWithoutReplacementOrUpdateCall() {
    when(sageMaker.describeUserProfile(any(DescribeUserProfileRequest.class)))
        .thenReturn(profile("InService"));
    when(sageMaker.addTags(any(AddTagsRequest.class)))
        .thenReturn(AddTagsResponse.builder().build());
    when(sageMaker.listTags(any(ListTagsRequest.class)))
        .thenReturn(tags(Map.of("team", "research")));

    final List<ProgressEvent<ResourceModel, CallbackContext>> events =
        update(model(), model(), Map.of("team", "research"));

    assertThat(events)
        .singleElement()
        .satisfies(e -> assertThat(e.getStatus()).isEqualTo(OperationStatus.SUCCESS));
    final ArgumentCaptor<AddTagsRequest> captor = ArgumentCaptor.forClass(AddTagsRequest.class);
    verify(sageMaker).addTags(captor.capture());
    assertThat(captor.getValue().resourceArn()).isEqualTo(PROFILE_ARN);
    verify(sageMaker, never()).updateUserProfile(any(UpdateUserProfileRequest.class));
  }

  @Test
  void createOnlyChangesAreNotUpdatable() {
    givenInService();
    assertThat(
            HandlerTestSupport.failure(
                update(
                    model(),
                    model().toBuilder().singleSignOnUserIdentifier("UserName").build(),
                    Map.of())))
        .isInstanceOfSatisfying(
            HandlerFailure.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(HandlerErrorCode.NotUpdatable))
        .hasMessageContaining("SingleSignOnUserIdentifier");
    verifyNothingChanged();
  }

  @Test
  void updatingAMissingProfileIsNotFound() {
    when(sageMaker.describeUserProfile(any(DescribeUserProfileRequest.class)))
        .thenThrow(serviceError(400, "ResourceNotFound", "not found"));

    assertThat(update(model(), model(), Map.of("team", "ml")))
        .singleElement()
        .satisfies(e -> assertThat(e.getErrorCode()).isEqualTo(HandlerErrorCode.NotFound));
  }

  @Test
  void aProfileLeftUpdateFailedIsUpdatedAgainAndAFailureNowIsThisUpdates() {
    when(sageMaker.describeUserProfile(any(DescribeUserProfileRequest.class)))
        .thenReturn(
            profile("Update_Failed"),
            profile("Update_Failed").toBuilder()
                .failureReason("Role cannot describe image")
                .build());
    when(sageMaker.updateUserProfile(any(UpdateUserProfileRequest.class)))
        .thenReturn(UpdateUserProfileResponse.builder().build());
    final ResourceModel desired =
        model().toBuilder()
            .userSettings(
                UserSettings.builder().executionRole(ROLE).securityGroups(List.of("sg-1")).build())
            .build();

    // Update_Failed before: SageMaker accepts the update; Update_Failed after: this one failed.
    assertThat(HandlerTestSupport.failure(update(model(), desired, Map.of("team", "ml"))))
        .isInstanceOfSatisfying(
            HandlerFailure.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(HandlerErrorCode.NotStabilized))
        .hasMessage(
            "User profile alice in domain d-abc123 is Update_Failed: Role cannot describe image");
    verify(sageMaker).updateUserProfile(any(UpdateUserProfileRequest.class));
  }

  @Test
  void aRemovedSettingFailsBeforeAnyChangeForAProfileInheritsTheDomainsValue() {
    givenInService();
    final ResourceModel withGroups =
        model().toBuilder()
            .userSettings(
                UserSettings.builder().executionRole(ROLE).securityGroups(List.of("sg-1")).build())
            .build();

    assertThat(HandlerTestSupport.failure(update(withGroups, model(), Map.of("team", "ml"))))
        .isInstanceOfSatisfying(
            HandlerFailure.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(HandlerErrorCode.InvalidRequest))
        .hasMessageStartingWith("UserSettings.SecurityGroups removed from the template");
    verifyNothingChanged();
  }

  @Test
  void aRollbackKeepsWhatSageMakerCannotUnsetAndSucceeds() {
    when(sageMaker.describeUserProfile(any(DescribeUserProfileRequest.class)))
        .thenReturn(profile("InService"));
    when(sageMaker.listTags(any(ListTagsRequest.class))).thenReturn(tags(Map.of("team", "ml")));
    final ResourceModel withGroups =
        model().toBuilder()
            .userSettings(
                UserSettings.builder().executionRole(ROLE).securityGroups(List.of("sg-1")).build())
            .build();
    final ResourceHandlerRequest<ResourceModel> rollback =
        ResourceHandlerRequest.<ResourceModel>builder()
            .previousResourceState(withGroups)
            .desiredResourceState(model())
            .previousResourceTags(Map.of("team", "ml"))
            .desiredResourceTags(Map.of("team", "ml"))
            .rollback(true)
            .build();

    final List<ProgressEvent<ResourceModel, CallbackContext>> events =
        untilDone(context -> handler.handleRequest(proxy, rollback, context, logger));

    assertThat(events.get(events.size() - 1).getStatus()).isEqualTo(OperationStatus.SUCCESS);
    verify(sageMaker, never()).updateUserProfile(any(UpdateUserProfileRequest.class));
    verify(logger)
        .log(
            org.mockito.ArgumentMatchers.contains("Rollback: keeping UserSettings.SecurityGroups"));
  }

  @Test
  void aValueSageMakerFilledInIsNoRemoval() {
    givenInService();
    when(sageMaker.listTags(any(ListTagsRequest.class))).thenReturn(tags(Map.of("team", "ml")));
    // What the create handler answered (the contract suite sends it as the previous state).
    final ResourceModel createOutput =
        model().toBuilder()
            .userSettings(
                UserSettings.builder()
                    .executionRole(ROLE)
                    .rStudioServerProAppSettings(
                        RStudioServerProAppSettings.builder().accessStatus("DISABLED").build())
                    .build())
            .build();
    final ResourceModel desired =
        model().toBuilder()
            .userSettings(UserSettings.builder().executionRole(ROLE).build())
            .build();

    assertThat(update(createOutput, desired, Map.of("team", "ml")))
        .last()
        .satisfies(e -> assertThat(e.getStatus()).isEqualTo(OperationStatus.SUCCESS));
    verify(sageMaker, never()).updateUserProfile(any(UpdateUserProfileRequest.class));
  }
}
