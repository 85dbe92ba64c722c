package com.org.sagemaker.studiouserprofile;

import static com.org.sagemaker.common.HandlerTestSupport.serviceError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.org.sagemaker.common.HandlerFailure;
import com.org.sagemaker.common.HandlerTestSupport;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.sagemaker.model.AppDetails;
import software.amazon.awssdk.services.sagemaker.model.DeleteAppRequest;
import software.amazon.awssdk.services.sagemaker.model.DeleteAppResponse;
import software.amazon.awssdk.services.sagemaker.model.DeleteSpaceRequest;
import software.amazon.awssdk.services.sagemaker.model.DeleteSpaceResponse;
import software.amazon.awssdk.services.sagemaker.model.DeleteUserProfileRequest;
import software.amazon.awssdk.services.sagemaker.model.DeleteUserProfileResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeUserProfileRequest;
import software.amazon.awssdk.services.sagemaker.model.ListAppsRequest;
import software.amazon.awssdk.services.sagemaker.model.ListAppsResponse;
import software.amazon.awssdk.services.sagemaker.model.ListSpacesRequest;
import software.amazon.awssdk.services.sagemaker.model.ListSpacesResponse;
import software.amazon.awssdk.services.sagemaker.model.SpaceDetails;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.OperationStatus;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

class DeleteHandlerTest extends ProfileTestBase {

  private final DeleteHandler handler = new DeleteHandler(TIMINGS, () -> sageMaker);

  private List<ProgressEvent<ResourceModel, CallbackContext>> delete(final ResourceModel model) {
    final ResourceHandlerRequest<ResourceModel> request =
        ResourceHandlerRequest.<ResourceModel>builder().desiredResourceState(model).build();
    return untilDone(context -> handler.handleRequest(proxy, request, context, logger));
  }

  /** Before the delete: InService, unless a test says otherwise. */
  @org.junit.jupiter.api.BeforeEach
  void givenAnInServiceProfile() {
    when(sageMaker.describeUserProfile(any(DescribeUserProfileRequest.class)))
        .thenReturn(profile("InService"));
  }

  private void givenProfileDeletes() {
    when(sageMaker.deleteUserProfile(any(DeleteUserProfileRequest.class)))
        .thenReturn(DeleteUserProfileResponse.builder().build());
    when(sageMaker.describeUserProfile(any(DescribeUserProfileRequest.class)))
        .thenReturn(profile("InService"), profile("Deleting"))
        .thenThrow(serviceError(400, "ResourceNotFound", "gone"));
  }

  private void givenNoSpaces() {
    when(sageMaker.listSpaces(any(ListSpacesRequest.class)))
        .thenReturn(ListSpacesResponse.builder().build());
  }

  @Test
  void withoutAppsDeletesTheProfileAndWaitsUntilGone() {
    givenNoSpaces();
    when(sageMaker.listApps(any(ListAppsRequest.class)))
        .thenReturn(ListAppsResponse.builder().build());
    givenProfileDeletes();

    final List<ProgressEvent<ResourceModel, CallbackContext>> events = delete(model());

    // DeleteUserProfile (nothing to look at yet); Deleting; gone.
    assertThat(events).hasSize(3);
    assertThat(events.get(2).getStatus()).isEqualTo(OperationStatus.SUCCESS);
    assertThat(events.get(2).getResourceModel()).isNull();
    verify(sageMaker, times(1)).deleteUserProfile(any(DeleteUserProfileRequest.class));
    verify(sageMaker, times(1)).listApps(any(ListAppsRequest.class));
    verify(sageMaker, times(1)).listSpaces(any(ListSpacesRequest.class));
    // Ready to delete; Deleting; gone.
    verify(sageMaker, times(3)).describeUserProfile(any(DescribeUserProfileRequest.class));
    verifyNoOtherCalls();
  }

  @Test
  void deletesAppsThenPrivateSpacesThenTheProfileLeavingSharedSpacesAlone() {
    final SpaceDetails privateSpace = space("alice-private", NAME, "Private", "InService");
    final SpaceDetails shared = space("team-shared", "carol", "Shared", "InService");
    final SpaceDetails othersPrivate = space("bob-private", "bob", "Private", "InService");
    // Invocation 1 deletes both apps; 2 finds them gone and deletes the private space; 3 sees
    // it Deleting; 4 finds it gone and deletes the profile; 5 sees it Deleting; 6 finds it gone.
    when(sageMaker.listSpaces(any(ListSpacesRequest.class)))
        .thenReturn(
            ListSpacesResponse.builder().spaces(privateSpace, shared).nextToken("p2").build(),
            ListSpacesResponse.builder().spaces(othersPrivate).build(),
            ListSpacesResponse.builder().spaces(privateSpace, shared, othersPrivate).build(),
            ListSpacesResponse.builder()
                .spaces(space("alice-private", NAME, "Private", "Deleting"), shared)
                .build(),
            ListSpacesResponse.builder().spaces(shared, othersPrivate).build());
    final AppDetails profileApp = app("KernelGateway", "datascience-1", NAME, null, "InService");
    final AppDetails deletedApp = app("JupyterServer", "default", NAME, null, "Deleted");
    final AppDetails spaceApp = app("JupyterLab", "default", null, "alice-private", "InService");
    final AtomicInteger profileListings = new AtomicInteger();
    final AtomicInteger spaceListings = new AtomicInteger();
    when(sageMaker.listApps(any(ListAppsRequest.class)))
        .thenAnswer(
            invocation -> {
              final ListAppsRequest request = invocation.getArgument(0);
              if (request.spaceNameEquals() != null) {
                return spaceListings.getAndIncrement() == 0
                    ? ListAppsResponse.builder().apps(spaceApp).build()
                    : ListAppsResponse.builder().build();
              }
              return switch (profileListings.getAndIncrement()) {
                case 0 -> ListAppsResponse.builder().apps(profileApp).nextToken("a2").build();
                case 1 -> ListAppsResponse.builder().apps(deletedApp).build();
                default -> ListAppsResponse.builder().build();
              };
            });
    when(sageMaker.deleteApp(any(DeleteAppRequest.class)))
        .thenReturn(DeleteAppResponse.builder().build());
    when(sageMaker.deleteSpace(any(DeleteSpaceRequest.class)))
        .thenReturn(DeleteSpaceResponse.builder().build());
    givenProfileDeletes();

    final List<ProgressEvent<ResourceModel, CallbackContext>> events = delete(model());

    assertThat(events)
        .last()
        .satisfies(e -> assertThat(e.getStatus()).isEqualTo(OperationStatus.SUCCESS));
    final ArgumentCaptor<DeleteAppRequest> apps = ArgumentCaptor.forClass(DeleteAppRequest.class);
    verify(sageMaker, times(2)).deleteApp(apps.capture());
    assertThat(apps.getAllValues())
        .extracting(
            r ->
                r.appTypeAsString()
                    + "/"
                    + r.appName()
                    + "/"
                    + r.userProfileName()
                    + "/"
                    + r.spaceName())
        .containsExactlyInAnyOrder(
            "KernelGateway/datascience-1/alice/null", "JupyterLab/default/null/alice-private");
    final ArgumentCaptor<DeleteSpaceRequest> spaces =
        ArgumentCaptor.forClass(DeleteSpaceRequest.class);
    verify(sageMaker, times(1)).deleteSpace(spaces.capture());
    assertThat(spaces.getValue().spaceName()).isEqualTo("alice-private");
    verify(sageMaker, times(1)).deleteUserProfile(any(DeleteUserProfileRequest.class));
  }

  @Test
  void aPendingAppIsDeletedOnlyOnceItIsInService() {
    givenNoSpaces();
    final AppDetails app = app("JupyterServer", "default", NAME, null, "Pending");
    when(sageMaker.listApps(any(ListAppsRequest.class)))
        .thenReturn(
            ListAppsResponse.builder().apps(app).build(),
            ListAppsResponse.builder().apps(app.toBuilder().status("InService").build()).build(),
            ListAppsResponse.builder().build());
    when(sageMaker.deleteApp(any(DeleteAppRequest.class)))
        .thenReturn(DeleteAppResponse.builder().build());
    givenProfileDeletes();

    final List<ProgressEvent<ResourceModel, CallbackContext>> events = delete(model());

    assertThat(events.get(0).getStatus()).isEqualTo(OperationStatus.IN_PROGRESS);
    assertThat(events)
        .last()
        .satisfies(e -> assertThat(e.getStatus()).isEqualTo(OperationStatus.SUCCESS));
    verify(sageMaker, times(1)).deleteApp(any(DeleteAppRequest.class));
  }

  @Test
  void anAppStuckDeletingIsReportedWhenTheBudgetRunsOut() {
    givenNoSpaces();
    when(sageMaker.listApps(any(ListAppsRequest.class)))
        .thenReturn(
            ListAppsResponse.builder()
                .apps(app("JupyterServer", "default", NAME, null, "Deleting"))
                .build());

    assertThat(HandlerTestSupport.failure(delete(model())))
        .isInstanceOfSatisfying(
            HandlerFailure.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(HandlerErrorCode.NotStabilized))
        .hasMessageContaining("JupyterServer app default of alice")
        .hasMessageContaining("waiting for deletion");
    verify(sageMaker, never()).deleteApp(any(DeleteAppRequest.class));
    verify(sageMaker, never()).deleteUserProfile(any(DeleteUserProfileRequest.class));
  }

  @Test
  void aFailedAppNeitherBlocksTheProfileNorIsDeleted() {
    givenNoSpaces();
    when(sageMaker.listApps(any(ListAppsRequest.class)))
        .thenReturn(
            ListAppsResponse.builder()
                .apps(app("KernelGateway", "gpu-1", NAME, null, "Failed"))
                .build());
    givenProfileDeletes();

    assertThat(delete(model()))
        .last()
        .satisfies(e -> assertThat(e.getStatus()).isEqualTo(OperationStatus.SUCCESS));
    verify(sageMaker, never()).deleteApp(any(DeleteAppRequest.class));
    verify(sageMaker).deleteUserProfile(any(DeleteUserProfileRequest.class));
  }

  @Test
  void aProfileThatOwnsASharedSpaceFailsBeforeAnythingIsDeleted() {
    when(sageMaker.listSpaces(any(ListSpacesRequest.class)))
        .thenReturn(
            ListSpacesResponse.builder()
                .spaces(
                    space("alice-private", NAME, "Private", "InService"),
                    space("team-shared", NAME, "Shared", "InService"))
                .build());

    assertThat(HandlerTestSupport.failure(delete(model())))
        .isInstanceOfSatisfying(
            HandlerFailure.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(HandlerErrorCode.ResourceConflict))
        .hasMessageContaining("owns shared space(s) team-shared")
        .hasMessageNotContaining("alice-private");
    verify(sageMaker, never()).deleteApp(any(DeleteAppRequest.class));
    verify(sageMaker, never()).deleteSpace(any(DeleteSpaceRequest.class));
    verify(sageMaker, never()).deleteUserProfile(any(DeleteUserProfileRequest.class));
  }

  @Test
  void anAppAlreadyGoneWhenDeletedIsFine() {
    givenNoSpaces();
    when(sageMaker.listApps(any(ListAppsRequest.class)))
        .thenReturn(
            ListAppsResponse.builder()
                .apps(app("JupyterServer", "default", NAME, null, "InService"))
                .build(),
            ListAppsResponse.builder().build());
    when(sageMaker.deleteApp(any(DeleteAppRequest.class)))
        .thenThrow(serviceError(400, "ResourceNotFound", "no app"));
    givenProfileDeletes();

    assertThat(delete(model()))
        .last()
        .satisfies(e -> assertThat(e.getStatus()).isEqualTo(OperationStatus.SUCCESS));
  }

  @Test
  void withCleanupOffAProfileWithAppsFailsFastNamingThem() {
    when(sageMaker.listSpaces(any(ListSpacesRequest.class)))
        .thenReturn(
            ListSpacesResponse.builder()
                .spaces(space("alice-private", NAME, "Private", "InService"))
                .build());
    when(sageMaker.listApps(any(ListAppsRequest.class)))
        .thenReturn(
            ListAppsResponse.builder()
                .apps(app("JupyterServer", "default", NAME, null, "InService"))
                .build(),
            ListAppsResponse.builder().build());

    assertThat(
            HandlerTestSupport.failure(
                delete(model().toBuilder().deleteAppsOnDelete(false).build())))
        .isInstanceOfSatisfying(
            HandlerFailure.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(HandlerErrorCode.ResourceConflict))
        .hasMessageContaining("JupyterServer app default of alice, private space alice-private")
        .hasMessageContaining("DeleteAppsOnDelete is false");
    verify(sageMaker, never()).deleteApp(any(DeleteAppRequest.class));
    verify(sageMaker, never()).deleteUserProfile(any(DeleteUserProfileRequest.class));
  }

  @Test
  void withCleanupOffAnEmptyProfileIsDeleted() {
    givenNoSpaces();
    when(sageMaker.listApps(any(ListAppsRequest.class)))
        .thenReturn(ListAppsResponse.builder().build());
    givenProfileDeletes();
    assertThat(delete(model().toBuilder().deleteAppsOnDelete(false).build()))
        .last()
        .satisfies(e -> assertThat(e.getStatus()).isEqualTo(OperationStatus.SUCCESS));
  }

  @Test
  void aPrivateSpaceThatFailsToDeleteIsReported() {
    when(sageMaker.listSpaces(any(ListSpacesRequest.class)))
        .thenReturn(
            ListSpacesResponse.builder()
                .spaces(space("alice-private", NAME, "Private", "Delete_Failed"))
                .build());
    when(sageMaker.listApps(any(ListAppsRequest.class)))
        .thenReturn(ListAppsResponse.builder().build());

    assertThat(HandlerTestSupport.failure(delete(model())))
        .isInstanceOf(HandlerFailure.class)
        .hasMessageContaining("alice-private (Delete_Failed)");
  }

  @Test
  void deletingAMissingProfileIsNotFound() {
    givenNoSpaces();
    when(sageMaker.listApps(any(ListAppsRequest.class)))
        .thenReturn(ListAppsResponse.builder().build());
    when(sageMaker.deleteUserProfile(any(DeleteUserProfileRequest.class)))
        .thenThrow(serviceError(400, "ResourceNotFound", "User profile alice not found"));

    assertThat(delete(model()))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(HandlerErrorCode.NotFound);
              assertThat(e.getMessage()).isNotBlank();
            });
  }

  @Test
  void listErrorsAndDeleteFailuresAreMapped() {
    when(sageMaker.listSpaces(any(ListSpacesRequest.class)))
        .thenThrow(serviceError(400, "AccessDeniedException", "no"));
    assertThat(delete(model()))
        .singleElement()
        .satisfies(e -> assertThat(e.getErrorCode()).isEqualTo(HandlerErrorCode.AccessDenied));
  }

  @Test
  void aProfileThatFailsToDeleteReportsSageMakersReason() {
    givenNoSpaces();
    when(sageMaker.listApps(any(ListAppsRequest.class)))
        .thenReturn(ListAppsResponse.builder().build());
    when(sageMaker.deleteUserProfile(any(DeleteUserProfileRequest.class)))
        .thenReturn(DeleteUserProfileResponse.builder().build());
    when(sageMaker.describeUserProfile(any(DescribeUserProfileRequest.class)))
        .thenReturn(
            profile("InService"),
            profile("Delete_Failed").toBuilder().failureReason("home directory busy").build());

    assertThat(HandlerTestSupport.failure(delete(model())))
        .isInstanceOf(HandlerFailure.class)
        .hasMessageContaining("home directory busy");
  }

  @Test
  void errorsWhileWaitingForTheProfileAreMapped() {
    givenNoSpaces();
    when(sageMaker.listApps(any(ListAppsRequest.class)))
        .thenReturn(ListAppsResponse.builder().build());
    when(sageMaker.deleteUserProfile(any(DeleteUserProfileRequest.class)))
        .thenReturn(DeleteUserProfileResponse.builder().build());
    when(sageMaker.describeUserProfile(any(DescribeUserProfileRequest.class)))
        .thenReturn(profile("InService"))
        .thenThrow(serviceError(500, "InternalFailure", "oops"));

    assertThat(delete(model()))
        .last()
        .satisfies(
            e -> assertThat(e.getErrorCode()).isEqualTo(HandlerErrorCode.ServiceInternalError));
  }

  private static AppDetails app(
      final String type,
      final String name,
      final String profile,
      final String space,
      final String status) {
    return AppDetails.builder()
        .domainId(DOMAIN_ID)
        .appType(type)
        .appName(name)
        .userProfileName(profile)
        .spaceName(space)
        .status(status)
        .build();
  }

  private static SpaceDetails space(
      final String name, final String owner, final String sharing, final String status) {
    return SpaceDetails.builder()
        .domainId(DOMAIN_ID)
        .spaceName(name)
        .status(status)
        .ownershipSettingsSummary(o -> o.ownerUserProfileName(owner))
        .spaceSharingSettingsSummary(s -> s.sharingType(sharing))
        .build();
  }

  @Test
  void aProfileStillBeingCreatedIsDeletedOnceItSettles() {
    // E.g. CloudFormation's rollback of a create it cancelled when a sibling failed.
    givenNoSpaces();
    when(sageMaker.listApps(any(ListAppsRequest.class)))
        .thenReturn(ListAppsResponse.builder().build());
    when(sageMaker.deleteUserProfile(any(DeleteUserProfileRequest.class)))
        .thenReturn(DeleteUserProfileResponse.builder().build());
    when(sageMaker.describeUserProfile(any(DescribeUserProfileRequest.class)))
        .thenReturn(profile("Pending"), profile("InService"))
        .thenThrow(serviceError(400, "ResourceNotFound", "gone"));

    assertThat(delete(model()))
        .extracting(ProgressEvent::getStatus)
        .containsExactly(
            OperationStatus.IN_PROGRESS, OperationStatus.IN_PROGRESS, OperationStatus.SUCCESS);
    verify(sageMaker, times(1)).deleteUserProfile(any(DeleteUserProfileRequest.class));
  }
}
