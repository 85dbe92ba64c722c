package com.org.sagemaker.studiouserprofile;

import com.org.sagemaker.common.ErrorRules;
import com.org.sagemaker.common.Stabilization;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeUserProfileResponse;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.Logger;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ProxyClient;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/**
 * Waits until no create or update of the profile is under way, deletes its apps and private spaces
 * (see {@link AppCleanup}), then the profile.
 */
public class DeleteHandler extends BaseHandlerStd {

  static final String DELETE_USER_PROFILE = "Org-SageMaker-StudioUserProfile::DeleteUserProfile";
  static final String AWAIT_SETTLED = "Org-SageMaker-StudioUserProfile::AwaitReadyForDelete";

  public DeleteHandler() {}

  DeleteHandler(final ProfileTimings timings, final Supplier<SageMakerClient> client) {
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
    requireIdentifier(model);
    return ProgressEvent.progress(model, callbackContext)
        .then(
            progress ->
                awaitReadyForDelete(
                    proxy, proxyClient, progress, timings.delete(), AWAIT_SETTLED, logger))
        .then(progress -> AppCleanup.run(proxyClient, progress, timings.cleanup(), logger))
        .then(
            progress ->
                proxy
                    .initiate(
                        DELETE_USER_PROFILE, proxyClient, model, progress.getCallbackContext())
                    .translateToServiceRequest(Translator::toDeleteRequest)
                    .backoffDelay(timings.delete())
                    .makeServiceCall(
                        (deleteRequest, client) -> {
                          logger.log("Deleting " + label(model));
                          return client.injectCredentialsAndInvokeV2(
                              deleteRequest, client.client()::deleteUserProfile);
                        })
                    .stabilize(
                        (deleteRequest, response, client, m, context) ->
                            !Stabilization.justCalled(context, DELETE_USER_PROFILE)
                                && isGone(client, m, context, logger))
                    .handleError(
                        (deleteRequest, e, client, m, context) ->
                            ErrorRules.handle(Action.DELETE, e, m, context))
                    .done(response -> ProgressEvent.defaultSuccessHandler(null)));
  }

  private boolean isGone(
      final ProxyClient<SageMakerClient> client,
      final ResourceModel model,
      final CallbackContext context,
      final Logger logger) {
    final DescribeUserProfileResponse profile;
    try {
      profile = describe(client, model);
    } catch (final RuntimeException e) {
      if (ErrorRules.isNotFound(e)) {
        logger.log(label(model) + " is deleted");
        return true;
      }
      throw e;
    }
    logger.log(String.format("%s is %s", label(model), profile.statusAsString()));
    return Stabilization.gone(
        label(model),
        profile.statusAsString(),
        profile.failureReason(),
        timings.delete(),
        context,
        DELETE_USER_PROFILE);
  }
}
