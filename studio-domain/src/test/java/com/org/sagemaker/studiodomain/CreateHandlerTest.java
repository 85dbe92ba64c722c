package com.org.sagemaker.studiodomain;

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
import software.amazon.awssdk.services.sagemaker.model.CreateDomainRequest;
import software.amazon.awssdk.services.sagemaker.model.CreateDomainResponse;
import software.amazon.awssdk.services.sagemaker.model.DeleteDomainRequest;
import software.amazon.awssdk.services.sagemaker.model.DeleteDomainResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeDomainRequest;
import software.amazon.awssdk.services.sagemaker.model.DomainDetails;
import software.amazon.awssdk.services.sagemaker.model.ListDomainsRequest;
import software.amazon.awssdk.services.sagemaker.model.ListDomainsResponse;
import software.amazon.awssdk.services.sagemaker.model.ListTagsRequest;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.OperationStatus;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

class CreateHandlerTest extends DomainTestBase {

  private final CreateHandler handler = new CreateHandler(TIMINGS, () -> sageMaker);

  private ResourceHandlerRequest<ResourceModel> request(final ResourceModel model) {
    return ResourceHandlerRequest.<ResourceModel>builder()
        .desiredResourceState(model)
        .desiredResourceTags(Map.of("team", "ml", "stack-tag", "s"))
        .systemTags(Map.of("aws:cloudformation:stack-name", "studio-stack"))
        .build();
  }

  private ProgressEvent<ResourceModel, CallbackContext> invoke(
      final ResourceHandlerRequest<ResourceModel> request, final CallbackContext context) {
    return handler.handleRequest(proxy, request, context, logger);
  }

  @Test
  void createsOnceThenWaitsThroughCallbacksUntilInService() {
    when(sageMaker.createDomain(any(CreateDomainRequest.class)))
        .thenReturn(
            CreateDomainResponse.builder().domainId(DOMAIN_ID).domainArn(DOMAIN_ARN).build());
    when(sageMaker.describeDomain(any(DescribeDomainRequest.class)))
        .thenReturn(domain("Pending"), domain("InService"));
    when(sageMaker.listTags(any(ListTagsRequest.class)))
        .thenReturn(tags(Map.of("team", "ml", "aws:cloudformation:stack-name", "studio-stack")));
    final ResourceHandlerRequest<ResourceModel> request = request(model());

    final List<ProgressEvent<ResourceModel, CallbackContext>> events =
        HandlerTestSupport.untilDone(
            new CallbackContext(), context -> invoke(request, restore(context)), 10);

    assertThat(events).hasSize(3);
    assertThat(events.subList(0, 2))
        .allSatisfy(
            event -> {
              assertThat(event.getStatus()).isEqualTo(OperationStatus.IN_PROGRESS);
              assertThat(event.getCallbackDelaySeconds()).isPositive();
              assertThat(event.getResourceModel().getDomainId()).isEqualTo(DOMAIN_ID);
            });
    final ProgressEvent<ResourceModel, CallbackContext> done = events.get(2);
    assertThat(done.getStatus()).isEqualTo(OperationStatus.SUCCESS);
    assertThat(done.getResourceModel().getDomainId()).isEqualTo(DOMAIN_ID);
    assertThat(done.getResourceModel().getUrl()).contains(DOMAIN_ID);
    assertThat(done.getResourceModel().getTags()).isEqualTo(modelTags(Map.of("team", "ml")));

    final ArgumentCaptor<CreateDomainRequest> create =
        ArgumentCaptor.forClass(CreateDomainRequest.class);
    verify(sageMaker, times(1)).createDomain(create.capture());
    assertThat(create.getValue().domainName()).isEqualTo("studio");
    assertThat(create.getValue().subnetIds()).containsExactly("subnet-1", "subnet-2");
    assertThat(create.getValue().defaultUserSettings().executionRole()).isEqualTo(ROLE);
    assertThat(create.getValue().tags())
        .extracting(t -> t.key() + "=" + t.value())
        .containsExactly("stack-tag=s", "team=ml"); // never CloudFormation's aws: system tags
    // Nothing is described in the invocation that created the domain, nor again for the final
    // read: the check that saw it InService serves.
    verify(sageMaker, times(2)).describeDomain(any(DescribeDomainRequest.class));
    verify(sageMaker).listTags(any(ListTagsRequest.class));
    verifyNoOtherCalls();
  }

  @Test
  void aReinvocationAfterTheCreateCallNeverCreatesASecondDomain() {
    when(sageMaker.createDomain(any(CreateDomainRequest.class)))
        .thenReturn(CreateDomainResponse.builder().domainId(DOMAIN_ID).build());
    when(sageMaker.describeDomain(any(DescribeDomainRequest.class))).thenReturn(domain("Pending"));
    final ProgressEvent<ResourceModel, CallbackContext> first =
        invoke(request(model()), new CallbackContext());
    assertThat(first.getStatus()).isEqualTo(OperationStatus.IN_PROGRESS);

    // A new process, with only the serialized-and-restored context and the model, resumes.
    final ProgressEvent<ResourceModel, CallbackContext> second =
        invoke(request(model()), restore(first.getCallbackContext()));

    assertThat(second.getStatus()).isEqualTo(OperationStatus.IN_PROGRESS);
    assertThat(second.getResourceModel().getDomainId()).isEqualTo(DOMAIN_ID);
    verify(sageMaker, times(1)).createDomain(any(CreateDomainRequest.class));
  }

  @Test
  void aFailedDomainReportsSageMakersFailureReason() {
    when(sageMaker.createDomain(any(CreateDomainRequest.class)))
        .thenReturn(CreateDomainResponse.builder().domainId(DOMAIN_ID).build());
    when(sageMaker.describeDomain(any(DescribeDomainRequest.class)))
        .thenReturn(
            domain("Failed").toBuilder().failureReason("Subnet subnet-1 has no free IP").build());
    final ProgressEvent<ResourceModel, CallbackContext> created =
        invoke(request(model()), new CallbackContext());

    assertThat(
            HandlerTestSupport.failure(
                invoke(request(model()), restore(created.getCallbackContext()))))
        .isInstanceOfSatisfying(
            HandlerFailure.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(HandlerErrorCode.NotStabilized))
        .hasMessage("Domain " + DOMAIN_ID + " is Failed: Subnet subnet-1 has no free IP");
  }

  @Test
  void aDomainStuckPendingIsReportedWithItsStatusWhenTheBudgetRunsOut() {
    when(sageMaker.createDomain(any(CreateDomainRequest.class)))
        .thenReturn(CreateDomainResponse.builder().domainId(DOMAIN_ID).build());
    when(sageMaker.describeDomain(any(DescribeDomainRequest.class))).thenReturn(domain("Pending"));
    final ResourceHandlerRequest<ResourceModel> request = request(model());

    assertThat(
            HandlerTestSupport.failure(
                HandlerTestSupport.untilDone(
                    new CallbackContext(), c -> invoke(request, restore(c)), 20)))
        .isInstanceOf(HandlerFailure.class)
        .hasMessageContaining("Domain " + DOMAIN_ID + " is still Pending");
    verify(sageMaker, times(MAX_CHECKS)).describeDomain(any(DescribeDomainRequest.class));
  }

  @Test
  void serviceLimitsAreReportedWithSageMakersMessage() {
    when(sageMaker.createDomain(any(CreateDomainRequest.class)))
        .thenThrow(serviceError(400, "ResourceLimitExceeded", "Maximum number of domains reached"));

    final ProgressEvent<ResourceModel, CallbackContext> event =
        invoke(request(model()), new CallbackContext());

    assertThat(event.getStatus()).isEqualTo(OperationStatus.FAILED);
    assertThat(event.getErrorCode()).isEqualTo(HandlerErrorCode.ServiceLimitExceeded);
    assertThat(event.getMessage()).contains("Maximum number of domains reached");
    verify(sageMaker, never()).describeDomain(any(DescribeDomainRequest.class));
  }

  @Test
  void aThrottledCreateIsRetriedByReinvocation() {
    when(sageMaker.createDomain(any(CreateDomainRequest.class)))
        .thenThrow(serviceError(400, "ThrottlingException", "Rate exceeded"))
        .thenReturn(CreateDomainResponse.builder().domainId(DOMAIN_ID).build());
    when(sageMaker.describeDomain(any(DescribeDomainRequest.class))).thenReturn(domain("Pending"));

    final ProgressEvent<ResourceModel, CallbackContext> first =
        invoke(request(model()), new CallbackContext());
    assertThat(first.getStatus()).isEqualTo(OperationStatus.IN_PROGRESS);
    assertThat(first.getCallbackDelaySeconds()).isPositive();

    final ProgressEvent<ResourceModel, CallbackContext> second =
        invoke(request(model()), first.getCallbackContext());
    assertThat(second.getResourceModel().getDomainId()).isEqualTo(DOMAIN_ID);
    verify(sageMaker, times(2)).createDomain(any(CreateDomainRequest.class));
  }

  @Test
  void aDuplicateMadeByARetriedCreateIsDeletedAndOthersAreLeftAlone() {
    when(sageMaker.createDomain(any(CreateDomainRequest.class)))
        .thenReturn(CreateDomainResponse.builder().domainId(DOMAIN_ID).build());
    when(sageMaker.describeDomain(any(DescribeDomainRequest.class)))
        .thenReturn(domain("InService"));
    when(sageMaker.listDomains(any(ListDomainsRequest.class)))
        .thenReturn(
            ListDomainsResponse.builder()
                .domains(
                    details(DOMAIN_ID, "studio", "InService"),
                    details("d-dup", "studio", "InService"),
                    details("d-same-name-other-stack", "studio", "InService"),
                    details("d-other-name", "other", "InService"),
                    details("d-already-deleting", "studio", "Deleting"))
                .build());
    when(sageMaker.listTags(any(ListTagsRequest.class)))
        .thenAnswer(
            invocation -> {
              final String arn = invocation.<ListTagsRequest>getArgument(0).resourceArn();
              return tags(
                  arn.endsWith("d-dup")
                      ? Map.of(Tagging.CREATION_TOKEN, "token-1")
                      : arn.endsWith("d-same-name-other-stack")
                          ? Map.of(Tagging.CREATION_TOKEN, "token-of-another-operation")
                          : Map.of(Tagging.CREATION_TOKEN, "token-1", "team", "ml"));
            });
    when(sageMaker.deleteDomain(any(DeleteDomainRequest.class)))
        .thenReturn(DeleteDomainResponse.builder().build());

    final ResourceHandlerRequest<ResourceModel> request =
        request(model()).toBuilder().clientRequestToken("token-1").build();
    final ProgressEvent<ResourceModel, CallbackContext> event =
        last(
            HandlerTestSupport.untilDone(
                new CallbackContext(), context -> invoke(request, restore(context)), 5));

    assertThat(event.getStatus()).isEqualTo(OperationStatus.SUCCESS);
    // The creation token is internal: never one of the resource's Tags.
    assertThat(event.getResourceModel().getTags())
        .containsExactly(Tag.builder().key("team").value("ml").build());
    final ArgumentCaptor<CreateDomainRequest> create =
        ArgumentCaptor.forClass(CreateDomainRequest.class);
    verify(sageMaker).createDomain(create.capture());
    assertThat(create.getValue().tags())
        .extracting(t -> t.key() + "=" + t.value())
        .contains(Tagging.CREATION_TOKEN + "=token-1");
    final ArgumentCaptor<DeleteDomainRequest> deleted =
        ArgumentCaptor.forClass(DeleteDomainRequest.class);
    verify(sageMaker).deleteDomain(deleted.capture());
    assertThat(deleted.getValue().domainId()).isEqualTo("d-dup");
    assertThat(deleted.getValue().retentionPolicy().homeEfsFileSystemAsString())
        .isEqualTo("Delete");
  }

  @Test
  void failingToLookForDuplicatesIsReported() {
    when(sageMaker.createDomain(any(CreateDomainRequest.class)))
        .thenReturn(CreateDomainResponse.builder().domainId(DOMAIN_ID).build());
    when(sageMaker.describeDomain(any(DescribeDomainRequest.class)))
        .thenReturn(domain("InService"));
    when(sageMaker.listDomains(any(ListDomainsRequest.class)))
        .thenThrow(serviceError(400, "AccessDeniedException", "no ListDomains"));

    final ResourceHandlerRequest<ResourceModel> request =
        request(model()).toBuilder().clientRequestToken("token-1").build();
    final ProgressEvent<ResourceModel, CallbackContext> event =
        last(
            HandlerTestSupport.untilDone(
                new CallbackContext(), context -> invoke(request, restore(context)), 5));

    assertThat(event.getErrorCode()).isEqualTo(HandlerErrorCode.AccessDenied);
    assertThat(event.getResourceModel().getDomainId()).isEqualTo(DOMAIN_ID);
  }

  private static <T> T last(final List<T> events) {
    return events.get(events.size() - 1);
  }

  private static DomainDetails details(final String id, final String name, final String status) {
    return DomainDetails.builder()
        .domainId(id)
        .domainArn("arn:aws:sagemaker:us-east-1:123456789012:domain/" + id)
        .domainName(name)
        .status(status)
        .build();
  }

  @Test
  void vpcOnlyWithoutSubnetsIsRejectedBeforeAnyCall() {
    final ResourceModel model =
        model().toBuilder().appNetworkAccessType("VpcOnly").subnetIds(null).build();

    assertThat(HandlerTestSupport.failure(invoke(request(model), new CallbackContext())))
        .isInstanceOfSatisfying(
            HandlerFailure.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(HandlerErrorCode.InvalidRequest))
        .hasMessageContaining("VpcId and SubnetIds");
    verifyNoInteractions(sageMaker);
  }
}
