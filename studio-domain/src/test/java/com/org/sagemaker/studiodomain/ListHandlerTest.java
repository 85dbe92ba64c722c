package com.org.sagemaker.studiodomain;

import static com.org.sagemaker.common.HandlerTestSupport.serviceError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.sagemaker.model.DomainDetails;
import software.amazon.awssdk.services.sagemaker.model.ListDomainsRequest;
import software.amazon.awssdk.services.sagemaker.model.ListDomainsResponse;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.OperationStatus;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

class ListHandlerTest extends DomainTestBase {

  private final ListHandler handler = new ListHandler(TIMINGS, () -> sageMaker);

  private ProgressEvent<ResourceModel, CallbackContext> list(final String nextToken) {
    return handler.handleRequest(
        proxy,
        ResourceHandlerRequest.<ResourceModel>builder()
            // CloudFormation may send no model at all.
            .nextToken(nextToken)
            .build(),
        new CallbackContext(),
        logger);
  }

  @Test
  void returnsOnePageWithIdentifiersAndTheNextToken() {
    when(sageMaker.listDomains(any(ListDomainsRequest.class)))
        .thenReturn(
            ListDomainsResponse.builder()
                .domains(
                    DomainDetails.builder()
                        .domainId("d-1")
                        .domainArn("arn:1")
                        .domainName("one")
                        .url("https://1")
                        .build(),
                    DomainDetails.builder().domainId("d-2").domainName("two").build())
                .nextToken("page3")
                .build());

    final ProgressEvent<ResourceModel, CallbackContext> event = list("page2");

    assertThat(event.getStatus()).isEqualTo(OperationStatus.SUCCESS);
    assertThat(event.getResourceModels())
        .containsExactly(
            ResourceModel.builder()
                .domainId("d-1")
                .domainArn("arn:1")
                .domainName("one")
                .url("https://1")
                .build(),
            ResourceModel.builder().domainId("d-2").domainName("two").build());
    assertThat(event.getNextToken()).isEqualTo("page3");
    final ArgumentCaptor<ListDomainsRequest> captor =
        ArgumentCaptor.forClass(ListDomainsRequest.class);
    verify(sageMaker).listDomains(captor.capture());
    assertThat(captor.getValue().nextToken()).isEqualTo("page2");
    assertThat(captor.getValue().maxResults()).isEqualTo(100);
    verifyNoOtherCalls();
  }

  @Test
  void errorsAreMapped() {
    when(sageMaker.listDomains(any(ListDomainsRequest.class)))
        .thenThrow(serviceError(400, "AccessDeniedException", "no"));

    assertThat(list(null).getErrorCode()).isEqualTo(HandlerErrorCode.AccessDenied);
  }
}
