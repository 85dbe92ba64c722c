package com.org.sagemaker.studiodomain;

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
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.sagemaker.model.DeleteDomainRequest;
import software.amazon.awssdk.services.sagemaker.model.DeleteDomainResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeDomainRequest;
import software.amazon.awssdk.services.sagemaker.model.ListSpacesRequest;
import software.amazon.awssdk.services.sagemaker.model.ListSpacesResponse;
import software.amazon.awssdk.services.sagemaker.model.ListUserProfilesRequest;
import software.amazon.awssdk.services.sagemaker.model.ListUserProfilesResponse;
import software.amazon.awssdk.services.sagemaker.model.SpaceDetails;
import software.amazon.awssdk.services.sagemaker.model.UserProfileDetails;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.OperationStatus;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

class DeleteHandlerTest extends DomainTestBase {

  private final DeleteHandler handler = new DeleteHandler(TIMINGS, () -> sageMaker);

  private List<ProgressEvent<ResourceModel, CallbackContext>> delete(final ResourceModel model) {
    final ResourceHandlerRequest<ResourceModel> request =
        ResourceHandlerRequest.<ResourceModel>builder().desiredResourceState(model).build();
    return HandlerTestSupport.untilDone(
        new CallbackContext(),
        context -> handler.handleRequest(proxy, request, restore(context), logger),
        10);
  }

  /** Before the delete: InService, unless a test says otherwise. */
  @org.junit.jupiter.api.BeforeEach
  void givenAnInServiceDomain() {
    when(sageMaker.describeDomain(any(DescribeDomainRequest.class)))
        .thenReturn(domain("InService"));
  }

  private void givenNoDependents() {
    when(sageMaker.listUserProfiles(any(ListUserProfilesRequest.class)))
        .thenReturn(ListUserProfilesResponse.builder().build());
    when(sageMaker.listSpaces(any(ListSpacesRequest.class)))
        .thenReturn(ListSpacesResponse.builder().build());
  }

  @Test
  void retainsHomeDirectoriesByDefaultAndWaitsUntilGone() {
    givenNoDependents();
    when(sageMaker.deleteDomain(any(DeleteDomainRequest.class)))
        .thenReturn(DeleteDomainResponse.builder().build());
    when(sageMaker.describeDomain(any(DescribeDomainRequest.class)))
        .thenReturn(domain("InService"), domain("Deleting"), domain("Deleting"))
        .thenThrow(serviceError(400, "ResourceNotFound", "gone"));

    final List<ProgressEvent<ResourceModel, CallbackContext>> events = delete(modelWithId());

    // DeleteDomain (nothing to look at yet); Deleting; Deleting; gone.
    assertThat(events).hasSize(4);
    assertThat(events.get(3).getStatus()).isEqualTo(OperationStatus.SUCCESS);
    assertThat(events.get(3).getResourceModel()).isNull();
    final ArgumentCaptor<DeleteDomainRequest> captor =
        ArgumentCaptor.forClass(DeleteDomainRequest.class);
    verify(sageMaker, times(1)).deleteDomain(captor.capture());
    assertThat(captor.getValue().domainId()).isEqualTo(DOMAIN_ID);
    assertThat(captor.getValue().retentionPolicy().homeEfsFileSystemAsString()).isEqualTo("Retain");
    // Dependents are checked once, before the delete call.
    verify(sageMaker, times(1)).listUserProfiles(any(ListUserProfilesRequest.class));
    verify(sageMaker, times(1)).listSpaces(any(ListSpacesRequest.class));
    // Ready to delete; nothing in the invocation that deleted it; Deleting twice; gone.
    verify(sageMaker, times(4)).describeDomain(any(DescribeDomainRequest.class));
    verifyNoOtherCalls();
  }

  @Test
  void deletesHomeDirectoriesOnlyWhenTheTemplateSaysSo() {
    givenNoDependents();
    when(sageMaker.deleteDomain(any(DeleteDomainRequest.class)))
        .thenReturn(DeleteDomainResponse.builder().build());
    when(sageMaker.describeDomain(any(DescribeDomainRequest.class)))
        .thenReturn(domain("InService"))
        .thenThrow(serviceError(400, "ResourceNotFound", "Domain does not exist"));

    delete(
        modelWithId().toBuilder()
            .retentionPolicy(RetentionPolicy.builder().homeEfsFileSystem("Delete").build())
            .build());

    final ArgumentCaptor<DeleteDomainRequest> captor =
        ArgumentCaptor.forClass(DeleteDomainRequest.class);
    verify(sageMaker).deleteDomain(captor.capture());
    assertThat(captor.getValue().retentionPolicy().homeEfsFileSystemAsString()).isEqualTo("Delete");
  }

  @Test
  void failsFastNamingProfilesAndSpacesItDoesNotOwn() {
    when(sageMaker.listUserProfiles(any(ListUserProfilesRequest.class)))
        .thenReturn(
            ListUserProfilesResponse.builder()
                .userProfiles(profile("alice", "InService"))
                .nextToken("page2")
                .build(),
            ListUserProfilesResponse.builder().userProfiles(profile("bob", "InService")).build());
    when(sageMaker.listSpaces(any(ListSpacesRequest.class)))
        .thenReturn(
            ListSpacesResponse.builder()
                .spaces(SpaceDetails.builder().spaceName("shared").status("InService").build())
                .build());

    assertThat(HandlerTestSupport.failure(delete(modelWithId())))
        .isInstanceOfSatisfying(
            HandlerFailure.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(HandlerErrorCode.ResourceConflict))
        .hasMessageContaining("user profile alice, user profile bob, space shared");
    verify(sageMaker, never()).deleteDomain(any(DeleteDomainRequest.class));
  }

  @Test
  void longListsOfDependentsAreShortened() {
    when(sageMaker.listUserProfiles(any(ListUserProfilesRequest.class)))
        .thenReturn(
            ListUserProfilesResponse.builder()
                .userProfiles(
                    IntStream.range(0, 12).mapToObj(i -> profile("u" + i, "InService")).toList())
                .build());
    when(sageMaker.listSpaces(any(ListSpacesRequest.class)))
        .thenReturn(ListSpacesResponse.builder().build());

    assertThat(HandlerTestSupport.failure(delete(modelWithId())))
        .hasMessageContaining("u9 and 2 more");
  }

  @Test
  void waitsWhileItsProfilesAreBeingDeleted() {
    when(sageMaker.listUserProfiles(any(ListUserProfilesRequest.class)))
        .thenReturn(
            ListUserProfilesResponse.builder().userProfiles(profile("alice", "Deleting")).build(),
            ListUserProfilesResponse.builder().build());
    when(sageMaker.listSpaces(any(ListSpacesRequest.class)))
        .thenReturn(ListSpacesResponse.builder().build());
    when(sageMaker.deleteDomain(any(DeleteDomainRequest.class)))
        .thenReturn(DeleteDomainResponse.builder().build());
    when(sageMaker.describeDomain(any(DescribeDomainRequest.class)))
        .thenReturn(domain("InService"))
        .thenThrow(serviceError(400, "ResourceNotFound", "gone"));

    final List<ProgressEvent<ResourceModel, CallbackContext>> events = delete(modelWithId());

    // A profile still deleting; DeleteDomain; gone.
    assertThat(events).hasSize(3);
    assertThat(events.get(0).getStatus()).isEqualTo(OperationStatus.IN_PROGRESS);
    assertThat(events.get(0).getCallbackDelaySeconds()).isPositive();
    assertThat(events.get(2).getStatus()).isEqualTo(OperationStatus.SUCCESS);
  }

  @Test
  void deletingAMissingDomainIsNotFound() {
    givenNoDependents();
    when(sageMaker.deleteDomain(any(DeleteDomainRequest.class)))
        .thenThrow(serviceError(400, "ResourceNotFound", "Domain d-abc123 not found"));

    final List<ProgressEvent<ResourceModel, CallbackContext>> events = delete(modelWithId());

    assertThat(events)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(HandlerErrorCode.NotFound);
              assertThat(e.getMessage()).contains("not found");
            });
  }

  @Test
  void aFailedDeletionReportsSageMakersReason() {
    givenNoDependents();
    when(sageMaker.deleteDomain(any(DeleteDomainRequest.class)))
        .thenReturn(DeleteDomainResponse.builder().build());
    when(sageMaker.describeDomain(any(DescribeDomainRequest.class)))
        .thenReturn(
            domain("InService"),
            domain("Delete_Failed").toBuilder().failureReason("EFS mount targets in use").build());

    assertThat(HandlerTestSupport.failure(delete(modelWithId())))
        .isInstanceOf(HandlerFailure.class)
        .hasMessage("Domain " + DOMAIN_ID + " is Delete_Failed: EFS mount targets in use");
  }

  @Test
  void errorsWhileWaitingAreMapped() {
    givenNoDependents();
    when(sageMaker.deleteDomain(any(DeleteDomainRequest.class)))
        .thenReturn(DeleteDomainResponse.builder().build());
    when(sageMaker.describeDomain(any(DescribeDomainRequest.class)))
        .thenReturn(domain("InService"))
        .thenThrow(serviceError(400, "AccessDeniedException", "no describe"));

    assertThat(delete(modelWithId()))
        .last()
        .satisfies(e -> assertThat(e.getErrorCode()).isEqualTo(HandlerErrorCode.AccessDenied));
  }

  @Test
  void aDomainStillBeingCreatedIsDeletedOnceItSettles() {
    // E.g. CloudFormation's rollback of a create it cancelled when a sibling failed.
    givenNoDependents();
    when(sageMaker.describeDomain(any(DescribeDomainRequest.class)))
        .thenReturn(domain("Pending"), domain("InService"))
        .thenThrow(serviceError(400, "ResourceNotFound", "gone"));
    when(sageMaker.deleteDomain(any(DeleteDomainRequest.class)))
        .thenReturn(DeleteDomainResponse.builder().build());

    final List<ProgressEvent<ResourceModel, CallbackContext>> events = delete(modelWithId());

    // Pending; InService, so DeleteDomain; gone.
    assertThat(events)
        .extracting(ProgressEvent::getStatus)
        .containsExactly(
            OperationStatus.IN_PROGRESS, OperationStatus.IN_PROGRESS, OperationStatus.SUCCESS);
    verify(sageMaker, times(1)).deleteDomain(any(DeleteDomainRequest.class));
  }

  @Test
  void listErrorsAreMappedBeforeAnyDelete() {
    when(sageMaker.listUserProfiles(any(ListUserProfilesRequest.class)))
        .thenThrow(serviceError(400, "AccessDeniedException", "not allowed to list profiles"));

    assertThat(delete(modelWithId()))
        .singleElement()
        .satisfies(e -> assertThat(e.getErrorCode()).isEqualTo(HandlerErrorCode.AccessDenied));
    verify(sageMaker, never()).deleteDomain(any(DeleteDomainRequest.class));
  }

  private static UserProfileDetails profile(final String name, final String status) {
    return UserProfileDetails.builder()
        .domainId(DOMAIN_ID)
        .userProfileName(name)
        .status(status)
        .build();
  }
}
