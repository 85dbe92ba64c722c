package com.org.sagemaker.studiouserprofile;

import com.org.sagemaker.common.ErrorRules;
import com.org.sagemaker.common.HandlerFailure;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.Logger;
import software.amazon.cloudformation.proxy.OperationStatus;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ProxyClient;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/**
 * One page of the profiles of the domain named in the model; CloudFormation passes NextToken back.
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
    final ResourceModel model = request.getDesiredResourceState();
    if (model == null || isBlank(model.getDomainId())) {
      throw new HandlerFailure(
          HandlerErrorCode.InvalidRequest,
          "DomainId is required to list user profiles: they are listed per domain.");
    }
    return proxy
        .initiate(LIST_USER_PROFILES, proxyClient, model, callbackContext)
        .translateToServiceRequest(
            m -> Translator.toListRequest(m.getDomainId(), request.getNextToken()))
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
