package com.org.sagemaker.studiouserprofile;

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

/**
 * One page of user profiles: of the domain named in the model, or of every domain when
 * CloudFormation sends no model or no DomainId. CloudFormation passes NextToken back.
 */
public class ListHandler extends BaseHandlerStd {

  static final String LIST_USER_PROFILES = "Org-SageMaker-StudioUserProfile::ListUserProfiles";

  public ListHandler() {}

  ListHandler(final ProfileTimings timings, final Supplier<SageMakerClient> client) {
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
    final String domainId = isBlank(model.getDomainId()) ? null : model.getDomainId();
    return proxy
        .initiate(LIST_USER_PROFILES, proxyClient, model, callbackContext)
        .translateToServiceRequest(m -> Translator.toListRequest(domainId, request.getNextToken()))
        .makeServiceCall(
            (listRequest, client) ->
                client.injectCredentialsAndInvokeV2(listRequest, client.client()::listUserProfiles))
        .handleError(
            (listRequest, e, client, m, context) -> ErrorRules.handle(Action.LIST, e, m, context))
        .done(
            response ->
                ProgressEvent.<ResourceModel, CallbackContext>builder()
                    .resourceModels(
                        response.userProfiles().stream().map(Translator::fromSummary).toList())
                    .nextToken(response.nextToken())
                    .status(OperationStatus.SUCCESS)
                    .build());
  }
}
