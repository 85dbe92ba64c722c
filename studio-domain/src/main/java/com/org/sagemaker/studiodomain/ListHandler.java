package com.org.sagemaker.studiodomain;

import com.org.sagemaker.common.ErrorRules;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.Logger;
import software.amazon.cloudformation.proxy.OperationStatus;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ProxyClient;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/** One page of ListDomains per invocation; CloudFormation passes the NextToken back. */
public class ListHandler extends BaseHandlerStd {

  static final String LIST_DOMAINS = "Org-SageMaker-StudioDomain::ListDomains";

  public ListHandler() {}

  ListHandler(final DomainTimings timings, final Supplier<SageMakerClient> client) {
    super(timings, client);
  }

  @Override
  protected ProgressEvent<ResourceModel, CallbackContext> handleRequest(
      final AmazonWebServicesClientProxy proxy,
      final ResourceHandlerRequest<ResourceModel> request,
      final CallbackContext callbackContext,
      final ProxyClient<SageMakerClient> proxyClient,
      final Logger logger) {
    // CloudFormation may send no model at all; the call chain needs one.
    final ResourceModel model =
        request.getDesiredResourceState() == null
            ? ResourceModel.builder().build()
            : request.getDesiredResourceState();
    return proxy
        .initiate(LIST_DOMAINS, proxyClient, model, callbackContext)
        .translateToServiceRequest(m -> Translator.toListRequest(request.getNextToken()))
        .makeServiceCall(
            (listRequest, client) ->
                client.injectCredentialsAndInvokeV2(listRequest, client.client()::listDomains))
        .handleError(
            (listRequest, e, client, m, context) -> ErrorRules.handle(Action.LIST, e, m, context))
        .done(
            response ->
                ProgressEvent.<ResourceModel, CallbackContext>builder()
                    .resourceModels(
                        response.domains().stream().map(Translator::fromSummary).toList())
                    .nextToken(response.nextToken())
                    .status(OperationStatus.SUCCESS)
                    .build());
  }
}
