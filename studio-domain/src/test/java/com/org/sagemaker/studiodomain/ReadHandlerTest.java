package com.org.sagemaker.studiodomain;

import static com.org.sagemaker.common.HandlerTestSupport.serviceError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.org.sagemaker.common.HandlerFailure;
import com.org.sagemaker.common.HandlerTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.sagemaker.model.DescribeDomainRequest;
import software.amazon.awssdk.services.sagemaker.model.ListTagsRequest;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.OperationStatus;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

class ReadHandlerTest extends DomainTestBase {

  private final ReadHandler handler = new ReadHandler(TIMINGS, () -> sageMaker);

  private ProgressEvent<ResourceModel, CallbackContext> read(final ResourceModel model) {
    return handler.handleRequest(
        proxy,
        ResourceHandlerRequest.<ResourceModel>builder().desiredResourceState(model).build(),
        new CallbackContext(),
        logger);
  }

  @Test
  void returnsTheDomainAsSageMakerReportsItWithUserTags() {
    when(sageMaker.describeDomain(any(DescribeDomainRequest.class)))
        .thenReturn(domain("InService"));
    when(sageMaker.listTags(any(ListTagsRequest.class)))
        .thenReturn(tags(Map.of("z", "2", "a", "1", "aws:cloudformation:logical-id", "Domain")));

    final ProgressEvent<ResourceModel, CallbackContext> event =
        read(ResourceModel.builder().domainId(DOMAIN_ID).build());

    assertThat(event.getStatus()).isEqualTo(OperationStatus.SUCCESS);
    final ResourceModel model = event.getResourceModel();
    assertThat(model.getDomainId()).isEqualTo(DOMAIN_ID);
    assertThat(model.getDomainArn()).isEqualTo(DOMAIN_ARN);
    assertThat(model.getDomainName()).isEqualTo("studio");
    assertThat(model.getSubnetIds()).containsExactly("subnet-1", "subnet-2");
    assertThat(model.getHomeEfsFileSystemId()).isEqualTo("fs-0123456789abcdef0");
    assertThat(model.getDefaultUserSettings().getExecutionRole()).isEqualTo(ROLE);
    // Tags sorted by key, reserved aws: tags left out.
    assertThat(model.getTags())
        .containsExactly(
            Tag.builder().key("a").value("1").build(), Tag.builder().key("z").value("2").build());
    // Absent lists stay absent rather than becoming empty lists (no drift from []).
    assertThat(model.getDefaultUserSettings().getSecurityGroups()).isNull();
    // What Describe leaves out but SageMaker applies is filled in.
    assertThat(model.getDefaultUserSettings().getRStudioServerProAppSettings().getAccessStatus())
        .isEqualTo("DISABLED");
    assertThat(model.getRetentionPolicy()).isNull();

    final ArgumentCaptor<ListTagsRequest> listTags = ArgumentCaptor.forClass(ListTagsRequest.class);
    verify(sageMaker).listTags(listTags.capture());
    assertThat(listTags.getValue().resourceArn()).isEqualTo(DOMAIN_ARN);
    verify(sageMaker).describeDomain(any(DescribeDomainRequest.class));
    verifyNoOtherCalls();
  }

  @Test
  void withoutUserTagsThereIsNoTagsProperty() {
    when(sageMaker.describeDomain(any(DescribeDomainRequest.class)))
        .thenReturn(domain("InService"));
    when(sageMaker.listTags(any(ListTagsRequest.class))).thenReturn(tags(Map.of()));

    assertThat(read(modelWithId()).getResourceModel().getTags()).isNull();
  }

  @Test
  void aMissingDomainIsNotFound() {
    when(sageMaker.describeDomain(any(DescribeDomainRequest.class)))
        .thenThrow(serviceError(400, "ResourceNotFound", "Domain d-abc123 not found"));

    final ProgressEvent<ResourceModel, CallbackContext> event = read(modelWithId());

    assertThat(event.getStatus()).isEqualTo(OperationStatus.FAILED);
    assertThat(event.getErrorCode()).isEqualTo(HandlerErrorCode.NotFound);
    assertThat(event.getMessage()).isNotBlank();
  }

  @Test
  void aValidationExceptionIsNeverNotFoundWhateverItsMessage() {
    when(sageMaker.describeDomain(any(DescribeDomainRequest.class)))
        .thenThrow(serviceError(400, "ValidationException", "Image version does not exist"));

    assertThat(read(modelWithId()).getErrorCode()).isEqualTo(HandlerErrorCode.InvalidRequest);
  }

  @Test
  void aDeletingDomainIsNotFound() {
    when(sageMaker.describeDomain(any(DescribeDomainRequest.class))).thenReturn(domain("Deleting"));

    assertThat(HandlerTestSupport.failure(read(modelWithId())))
        .isInstanceOfSatisfying(
            HandlerFailure.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(HandlerErrorCode.NotFound))
        .hasMessageContaining("being deleted");
  }

  @Test
  void theEntryPointStartsAFreshContextAndUsesTheConfiguredClient() {
    when(sageMaker.describeDomain(any(DescribeDomainRequest.class)))
        .thenReturn(domain("InService"));
    when(sageMaker.listTags(any(ListTagsRequest.class))).thenReturn(tags(Map.of()));

    final ProgressEvent<ResourceModel, CallbackContext> event =
        handler.handleRequest(
            proxy,
            ResourceHandlerRequest.<ResourceModel>builder()
                .desiredResourceState(modelWithId())
                .build(),
            null,
            logger);

    assertThat(event.getStatus()).isEqualTo(OperationStatus.SUCCESS);
    assertThat(new ReadHandler()).isNotNull();
  }

  @Test
  void withoutDomainIdNothingIsCalled() {
    assertThat(HandlerTestSupport.failure(read(ResourceModel.builder().domainId(" ").build())))
        .isInstanceOf(HandlerFailure.class);
    assertThat(HandlerTestSupport.failure(read(ResourceModel.builder().build())))
        .isInstanceOfSatisfying(
            HandlerFailure.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(HandlerErrorCode.InvalidRequest))
        .hasMessageContaining("DomainId");
    assertThat(HandlerTestSupport.failure(read(null))).isInstanceOf(HandlerFailure.class);
    verifyNoInteractions(sageMaker);
  }
}
