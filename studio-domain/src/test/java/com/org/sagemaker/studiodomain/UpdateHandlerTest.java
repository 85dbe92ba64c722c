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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.sagemaker.model.AddTagsRequest;
import software.amazon.awssdk.services.sagemaker.model.AddTagsResponse;
import software.amazon.awssdk.services.sagemaker.model.AppDetails;
import software.amazon.awssdk.services.sagemaker.model.DeleteTagsRequest;
import software.amazon.awssdk.services.sagemaker.model.DeleteTagsResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeDomainRequest;
import software.amazon.awssdk.services.sagemaker.model.ListAppsRequest;
import software.amazon.awssdk.services.sagemaker.model.ListAppsResponse;
import software.amazon.awssdk.services.sagemaker.model.ListTagsRequest;
import software.amazon.awssdk.services.sagemaker.model.UpdateDomainRequest;
import software.amazon.awssdk.services.sagemaker.model.UpdateDomainResponse;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.OperationStatus;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

class UpdateHandlerTest extends DomainTestBase {

  private final UpdateHandler handler = new UpdateHandler(TIMINGS, () -> sageMaker);

  private static ResourceHandlerRequest<ResourceModel> request(
      final ResourceModel previous,
      final ResourceModel desired,
      final Map<String, String> previousTags,
      final Map<String, String> desiredTags) {
    return ResourceHandlerRequest.<ResourceModel>builder()
        .previousResourceState(previous)
        .desiredResourceState(desired)
        .previousResourceTags(previousTags)
        .desiredResourceTags(desiredTags)
        .build();
  }

  private static ResourceHandlerRequest<ResourceModel> request(
      final ResourceModel previous, final ResourceModel desired) {
    return request(previous, desired, Map.of("team", "ml"), Map.of("team", "ml"));
  }

  private List<ProgressEvent<ResourceModel, CallbackContext>> update(
      final ResourceHandlerRequest<ResourceModel> request) {
    return HandlerTestSupport.untilDone(
        new CallbackContext(),
        context -> handler.handleRequest(proxy, request, restore(context), logger),
        10);
  }

  /**
   * The domain was described (it exists: NotFound comes before any input check) and nothing else.
   */
  private void verifyNothingChanged() {
    verify(sageMaker, org.mockito.Mockito.atLeastOnce())
        .describeDomain(any(DescribeDomainRequest.class));
    verifyNoOtherCalls();
  }

  private void givenDomainStatuses(final String... statuses) {
    final var stubbing = when(sageMaker.describeDomain(any(DescribeDomainRequest.class)));
    var chain = stubbing.thenReturn(domain(statuses[0]));
    for (int i = 1; i < statuses.length; i++) {
      chain = chain.thenReturn(domain(statuses[i]));
    }
    when(sageMaker.listTags(any(ListTagsRequest.class))).thenReturn(tags(Map.of("team", "ml")));
    when(sageMaker.listApps(any(ListAppsRequest.class)))
        .thenReturn(ListAppsResponse.builder().build());
  }

  @Test
  void sendsOnlyWhatChangedAndWaitsForInService() {
    givenDomainStatuses("InService", "Updating", "InService", "InService");
    when(sageMaker.updateDomain(any(UpdateDomainRequest.class)))
        .thenReturn(UpdateDomainResponse.builder().domainArn(DOMAIN_ARN).build());
    final ResourceModel desired =
        modelWithId().toBuilder()
            .defaultUserSettings(
                UserSettings.builder().executionRole(ROLE).securityGroups(List.of("sg-1")).build())
            .domainSettings(
                DomainSettings.builder()
                    .securityGroupIds(List.of("sg-2"))
                    .rStudioServerProDomainSettings(
                        RStudioServerProDomainSettings.builder()
                            .domainExecutionRoleArn(ROLE)
                            .build())
                    .build())
            .retentionPolicy(RetentionPolicy.builder().homeEfsFileSystem("Delete").build())
            .build();

    final List<ProgressEvent<ResourceModel, CallbackContext>> events =
        update(request(modelWithId(), desired));

    assertThat(events)
        .last()
        .satisfies(e -> assertThat(e.getStatus()).isEqualTo(OperationStatus.SUCCESS));
    assertThat(events.subList(0, events.size() - 1))
        .allSatisfy(e -> assertThat(e.getResourceModel().getDomainId()).isEqualTo(DOMAIN_ID));
    final ArgumentCaptor<UpdateDomainRequest> captor =
        ArgumentCaptor.forClass(UpdateDomainRequest.class);
    verify(sageMaker).updateDomain(captor.capture());
    final UpdateDomainRequest sent = captor.getValue();
    assertThat(sent.domainId()).isEqualTo(DOMAIN_ID);
    assertThat(sent.defaultUserSettings().securityGroups()).containsExactly("sg-1");
    assertThat(sent.domainSettingsForUpdate().securityGroupIds()).containsExactly("sg-2");
    assertThat(
            sent.domainSettingsForUpdate()
                .rStudioServerProDomainSettingsForUpdate()
                .domainExecutionRoleArn())
        .isEqualTo(ROLE);
    // Unchanged members are not sent: SageMaker rejects some of them while apps run.
    assertThat(sent.appNetworkAccessType()).isNull();
    assertThat(sent.vpcId()).isNull();
    assertThat(sent.hasSubnetIds()).isFalse();
    // Ready? Then nothing in the invocation that called UpdateDomain; Updating; InService, which
    // the final read reuses.
    verify(sageMaker, times(3)).describeDomain(any(DescribeDomainRequest.class));
    verify(sageMaker).listTags(any(ListTagsRequest.class));
    // RStudio settings change: SageMaker refuses that while apps are InService, so they are looked
    // for first.
    verify(sageMaker).listApps(any(ListAppsRequest.class));
    verifyNoOtherCalls();
  }

  @Test
  void aDomainInUpdateFailedIsUpdatedAgainSoARollbackCanRepairIt() {
    givenDomainStatuses("Update_Failed", "Updating", "InService", "InService");
    when(sageMaker.updateDomain(any(UpdateDomainRequest.class)))
        .thenReturn(UpdateDomainResponse.builder().build());

    final List<ProgressEvent<ResourceModel, CallbackContext>> events =
        update(
            request(
                modelWithId().toBuilder().tagPropagation("ENABLED").build(),
                modelWithId().toBuilder().tagPropagation("DISABLED").build()));

    assertThat(events)
        .last()
        .satisfies(e -> assertThat(e.getStatus()).isEqualTo(OperationStatus.SUCCESS));
    verify(sageMaker).updateDomain(any(UpdateDomainRequest.class));
  }

  @Test
  void aDomainWhoseCreationFailedCannotBeUpdated() {
    when(sageMaker.describeDomain(any(DescribeDomainRequest.class)))
        .thenReturn(domain("Failed").toBuilder().failureReason("No free IPs").build());

    assertThat(
            HandlerTestSupport.failure(
                update(
                    request(
                        modelWithId(),
                        modelWithId().toBuilder().tagPropagation("ENABLED").build()))))
        .isInstanceOfSatisfying(
            HandlerFailure.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(HandlerErrorCode.NotStabilized))
        .hasMessageStartingWith("Domain " + DOMAIN_ID + " is Failed (No free IPs)");
    verify(sageMaker, never()).updateDomain(any(UpdateDomainRequest.class));
  }

  @Test
  void runningAppsStopANetworkChangeBeforeUpdateDomainNamingThem() {
    givenDomainStatuses("InService");
    when(sageMaker.listApps(any(ListAppsRequest.class)))
        .thenReturn(
            ListAppsResponse.builder()
                .apps(
                    AppDetails.builder()
                        .appName("default")
                        .appType("JupyterServer")
                        .userProfileName("alice")
                        .status("InService")
                        .build(),
                    AppDetails.builder()
                        .appName("old")
                        .appType("JupyterServer")
                        .userProfileName("bob")
                        .status("Deleted")
                        .build())
                .build());

    assertThat(
            HandlerTestSupport.failure(
                update(
                    request(
                        modelWithId(),
                        modelWithId().toBuilder().appNetworkAccessType("VpcOnly").build()))))
        .isInstanceOfSatisfying(
            HandlerFailure.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(HandlerErrorCode.ResourceConflict))
        .hasMessageContaining("while AppNetworkAccessType changes")
        .hasMessageContaining("JupyterServer app default of alice (InService)")
        .hasMessageNotContaining("old");
    verify(sageMaker, never()).updateDomain(any(UpdateDomainRequest.class));
  }

  @Test
  void aRemovedSettingIsSentAsItsDefault() {
    givenDomainStatuses("InService", "Updating", "InService", "InService");
    when(sageMaker.updateDomain(any(UpdateDomainRequest.class)))
        .thenReturn(UpdateDomainResponse.builder().build());

    update(request(modelWithId().toBuilder().tagPropagation("ENABLED").build(), modelWithId()));

    final ArgumentCaptor<UpdateDomainRequest> captor =
        ArgumentCaptor.forClass(UpdateDomainRequest.class);
    verify(sageMaker).updateDomain(captor.capture());
    assertThat(captor.getValue().tagPropagationAsString()).isEqualTo("DISABLED");
  }

  @Test
  void aRemovedSettingWithoutADefaultFailsBeforeAnyChange() {
    givenDomainStatuses("InService");
    final ResourceModel withGroups =
        modelWithId().toBuilder()
            .defaultUserSettings(
                UserSettings.builder().executionRole(ROLE).securityGroups(List.of("sg-1")).build())
            .build();

    assertThat(HandlerTestSupport.failure(update(request(withGroups, modelWithId()))))
        .isInstanceOfSatisfying(
            HandlerFailure.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(HandlerErrorCode.InvalidRequest))
        .hasMessageStartingWith("DefaultUserSettings.SecurityGroups removed from the template");
    verifyNothingChanged();
  }

  @Test
  void moreTagsThanSageMakerHoldsFailBeforeAnyChange() {
    givenDomainStatuses("InService");
    final Map<String, String> many = new java.util.HashMap<>();
    for (int i = 0; i < 50; i++) {
      many.put("k" + i, "v");
    }
    assertThat(
            HandlerTestSupport.failure(
                update(request(modelWithId(), modelWithId(), Map.of("team", "ml"), many))))
        .isInstanceOfSatisfying(
            HandlerFailure.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(HandlerErrorCode.InvalidRequest));
    verifyNothingChanged();
  }

  @Test
  void waitsForABusyDomainBeforeUpdating() {
    givenDomainStatuses("Updating", "InService", "InService", "InService");
    when(sageMaker.updateDomain(any(UpdateDomainRequest.class)))
        .thenReturn(UpdateDomainResponse.builder().build());
    final ResourceModel desired = modelWithId().toBuilder().tagPropagation("ENABLED").build();

    final List<ProgressEvent<ResourceModel, CallbackContext>> events =
        update(request(modelWithId(), desired));

    // Busy; ready, so UpdateDomain; InService.
    assertThat(events)
        .extracting(ProgressEvent::getStatus)
        .containsExactly(
            OperationStatus.IN_PROGRESS, OperationStatus.IN_PROGRESS, OperationStatus.SUCCESS);
    verify(sageMaker, times(1)).updateDomain(any(UpdateDomainRequest.class));
  }

  @Test
  void switchingToVpcOnlySendsTheVpcAndSubnetsAlong() {
    givenDomainStatuses("InService");
    when(sageMaker.updateDomain(any(UpdateDomainRequest.class)))
        .thenReturn(UpdateDomainResponse.builder().build());
    final ResourceModel desired = modelWithId().toBuilder().appNetworkAccessType("VpcOnly").build();

    update(
        request(
            modelWithId().toBuilder().appNetworkAccessType("PublicInternetOnly").build(), desired));

    final ArgumentCaptor<UpdateDomainRequest> captor =
        ArgumentCaptor.forClass(UpdateDomainRequest.class);
    verify(sageMaker).updateDomain(captor.capture());
    assertThat(captor.getValue().appNetworkAccessTypeAsString()).isEqualTo("VpcOnly");
    assertThat(captor.getValue().vpcId()).isEqualTo("vpc-1");
    assertThat(captor.getValue().subnetIds()).containsExactly("subnet-1", "subnet-2");
  }

  @Test
  void tagChangesAloneUseTagCallsNotUpdateDomain() {
    givenDomainStatuses("InService");
    when(sageMaker.deleteTags(any(DeleteTagsRequest.class)))
        .thenReturn(DeleteTagsResponse.builder().build());
    when(sageMaker.addTags(any(AddTagsRequest.class)))
        .thenReturn(AddTagsResponse.builder().build());

    final List<ProgressEvent<ResourceModel, CallbackContext>> events =
        update(
            request(
                modelWithId(),
                modelWithId(),
                Map.of("team", "ml", "cost-center", "1"),
                Map.of("team", "research", "stack", "s")));

    assertThat(events)
        .singleElement()
        .satisfies(e -> assertThat(e.getStatus()).isEqualTo(OperationStatus.SUCCESS));
    final ArgumentCaptor<DeleteTagsRequest> delete =
        ArgumentCaptor.forClass(DeleteTagsRequest.class);
    final ArgumentCaptor<AddTagsRequest> add = ArgumentCaptor.forClass(AddTagsRequest.class);
    verify(sageMaker).deleteTags(delete.capture());
    verify(sageMaker).addTags(add.capture());
    assertThat(delete.getValue().resourceArn()).isEqualTo(DOMAIN_ARN);
    assertThat(delete.getValue().tagKeys()).containsExactly("cost-center");
    assertThat(add.getValue().tags())
        .extracting(t -> t.key() + "=" + t.value())
        .containsExactly("stack=s", "team=research");
    verify(sageMaker, never()).updateDomain(any(UpdateDomainRequest.class));
  }

  @Test
  void aFailedUpdateReportsSageMakersReason() {
    when(sageMaker.describeDomain(any(DescribeDomainRequest.class)))
        .thenReturn(
            domain("InService"),
            domain("Update_Failed").toBuilder()
                .failureReason("Security group sg-2 not found")
                .build());
    when(sageMaker.updateDomain(any(UpdateDomainRequest.class)))
        .thenReturn(UpdateDomainResponse.builder().build());
    final ResourceModel desired = modelWithId().toBuilder().tagPropagation("ENABLED").build();

    assertThat(HandlerTestSupport.failure(update(request(modelWithId(), desired))))
        .isInstanceOf(HandlerFailure.class)
        .hasMessage("Domain " + DOMAIN_ID + " is Update_Failed: Security group sg-2 not found");
  }

  @Test
  void updatingAMissingDomainIsNotFound() {
    when(sageMaker.describeDomain(any(DescribeDomainRequest.class)))
        .thenThrow(serviceError(400, "ResourceNotFound", "Domain not found"));

    final List<ProgressEvent<ResourceModel, CallbackContext>> events =
        update(request(modelWithId(), modelWithId().toBuilder().tagPropagation("ENABLED").build()));

    assertThat(events)
        .singleElement()
        .satisfies(e -> assertThat(e.getErrorCode()).isEqualTo(HandlerErrorCode.NotFound));
    verify(sageMaker, never()).updateDomain(any(UpdateDomainRequest.class));
  }

  @Test
  void aConflictingUpdateIsAResourceConflict() {
    givenDomainStatuses("InService");
    when(sageMaker.updateDomain(any(UpdateDomainRequest.class)))
        .thenThrow(serviceError(400, "ResourceInUse", "Domain has running apps"));

    final List<ProgressEvent<ResourceModel, CallbackContext>> events =
        update(
            request(
                modelWithId(), modelWithId().toBuilder().subnetIds(List.of("subnet-3")).build()));

    assertThat(events)
        .last()
        .satisfies(e -> assertThat(e.getErrorCode()).isEqualTo(HandlerErrorCode.ResourceConflict));
  }

  @Test
  void createOnlyChangesAreRejectedNamingThePropertyBeforeAnyChange() {
    givenDomainStatuses("InService");
    assertThat(
            HandlerTestSupport.failure(
                update(
                    request(
                        modelWithId(),
                        modelWithId().toBuilder().domainName("other").authMode("SSO").build()))))
        .isInstanceOfSatisfying(
            HandlerFailure.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(HandlerErrorCode.NotUpdatable))
        .hasMessageContaining("DomainName, AuthMode");
    verifyNothingChanged();
  }

  @Test
  void appSecurityGroupManagementNeedsRStudio() {
    givenDomainStatuses("InService");
    assertThat(
            HandlerTestSupport.failure(
                update(
                    request(
                        modelWithId(),
                        modelWithId().toBuilder().appSecurityGroupManagement("Customer").build()))))
        .isInstanceOfSatisfying(
            HandlerFailure.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(HandlerErrorCode.InvalidRequest))
        .hasMessageContaining("AppSecurityGroupManagement");
    verifyNothingChanged();
  }

  @Test
  void aDomainThatDoesNotExistIsNotFoundBeforeAnyInputCheck() {
    when(sageMaker.describeDomain(any(DescribeDomainRequest.class)))
        .thenThrow(serviceError(400, "ResourceNotFound", "Domain d-abc123 does not exist."));
    final ResourceModel invalid =
        modelWithId().toBuilder()
            .domainName("other")
            .appSecurityGroupManagement("Customer")
            .build();

    assertThat(HandlerTestSupport.failure(update(request(modelWithId(), invalid))))
        .isInstanceOfSatisfying(
            HandlerFailure.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(HandlerErrorCode.NotFound));
    verifyNothingChanged();
  }

  @Test
  void aRollbackKeepsASettingSageMakerCannotUnsetAndSucceeds() {
    givenDomainStatuses("InService", "InService");
    when(sageMaker.listTags(any(ListTagsRequest.class))).thenReturn(tags(Map.of("team", "ml")));
    final ResourceModel withGroups =
        modelWithId().toBuilder()
            .defaultUserSettings(
                UserSettings.builder().executionRole(ROLE).securityGroups(List.of("sg-1")).build())
            .build();
    final ResourceHandlerRequest<ResourceModel> rollback =
        request(withGroups, modelWithId()).toBuilder().rollback(true).build();

    final List<ProgressEvent<ResourceModel, CallbackContext>> events = update(rollback);

    assertThat(events.get(events.size() - 1).getStatus()).isEqualTo(OperationStatus.SUCCESS);
    verify(sageMaker, never()).updateDomain(any(UpdateDomainRequest.class));
    verify(logger)
        .log(
            org.mockito.ArgumentMatchers.contains(
                "Rollback: keeping DefaultUserSettings.SecurityGroups"));
  }
}
