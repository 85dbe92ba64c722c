package com.org.sagemaker.studiodomain;

import com.org.sagemaker.common.ErrorRules;
import com.org.sagemaker.common.Tagging;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.Logger;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ProxyClient;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/**
 * CreateDomain, then wait for InService. The call chain records the CreateDomain response in the
 * callback context, so a re-invocation resumes waiting and never creates a second domain.
 */
public class CreateHandler extends BaseHandlerStd {

  static final String CREATE_DOMAIN = "Org-SageMaker-StudioDomain::CreateDomain";

  public CreateHandler() {}

  CreateHandler(final DomainTimings timings, final Supplier<SageMakerClient> client) {
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
    DomainRules.validate(model);
    return ProgressEvent.progress(model, callbackContext)
        .then(
            progress ->
                proxy
                    .initiate(CREATE_DOMAIN, proxyClient, model, progress.getCallbackContext())
                    .translateToServiceRequest(
                        m ->
                            Translator.toCreateRequest(
                                m,
                                Tagging.merge(
                                    request.getDesiredResourceTags(), request.getSystemTags())))
                    .backoffDelay(timings.create())
                    .makeServiceCall(
                        (createRequest, client) -> {
                          logger.log("Creating domain " + createRequest.domainName());
                          return client.injectCredentialsAndInvokeV2(
                              createRequest, client.client()::createDomain);
                        })
                    .stabilize(
                        (createRequest, response, client, m, context) -> {
                          // Every IN_PROGRESS event must carry the primary identifier.
                          m.setDomainId(response.domainId());
                          return isInService(
                              client, m, context, timings.create(), CREATE_DOMAIN, logger);
                        })
                    .handleError(
                        (createRequest, e, client, m, context) ->
                            ErrorRules.handle(Action.CREATE, e, m, context))
                    .progress())
        .then(
            progress -> ReadHandler.read(proxy, proxyClient, model, progress.getCallbackContext()));
  }
}
