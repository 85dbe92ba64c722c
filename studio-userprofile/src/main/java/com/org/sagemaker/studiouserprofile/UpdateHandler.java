package com.org.sagemaker.studiouserprofile;

import com.org.sagemaker.common.ErrorRules;
import com.org.sagemaker.common.SchemaRules;
import com.org.sagemaker.common.Tagging;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeUserProfileResponse;
import software.amazon.awssdk.services.sagemaker.model.UpdateUserProfileRequest;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.Logger;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ProxyClient;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/**
 * Updates in place: wait until SageMaker accepts an update (InService, or Update_Failed, which an
 * update repairs, so a failed update never blocks the next one or CloudFormation's rollback),
 * UpdateUserProfile with the new UserSettings and wait for InService again, then apply tag changes
 * with DeleteTags/AddTags. Only a transition that fails after this update's call ends it
 * NotStabilized.
 */
public class UpdateHandler extends BaseHandlerStd {

  static final String AWAIT_READY = "Org-SageMaker-StudioUserProfile::AwaitReadyForUpdate";
  static final String UPDATE_USER_PROFILE = "Org-SageMaker-StudioUserProfile::UpdateUserProfile";
  static final String AWAIT_UPDATED = "Org-SageMaker-StudioUserProfile::AwaitUpdated";

  private static final SchemaRules SCHEMA_RULES = new SchemaRules(Translator.RESOURCE_SCHEMA);

  public UpdateHandler() {}

  UpdateHandler(final ProfileTimings timings, final Supplier<SageMakerClient> client) {
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
    SCHEMA_RULES.requireCreateOnlyUnchanged(request.getPreviousResourceState(), model);
    ProfileRules.validate(model);
    Tagging.requireAllowed(request.getDesiredResourceTags());
    final Optional<UpdateUserProfileRequest> update =
        Translator.toUpdateRequest(model, request.getPreviousResourceState());
    final AtomicReference<DescribeUserProfileResponse> described = new AtomicReference<>();

    return ProgressEvent.progress(model, callbackContext)
        .then(
            progress ->
                awaitReadyForUpdate(
                    proxy,
                    proxyClient,
                    progress,
                    timings.update(),
                    AWAIT_READY,
                    Action.UPDATE,
                    described,
                    logger))
        .then(
            progress ->
                update.isEmpty()
                    ? progress
                    : proxy
                        .initiate(
                            UPDATE_USER_PROFILE, proxyClient, model, progress.getCallbackContext())
                        .translateToServiceRequest(m -> update.get())
                        .makeServiceCall(
                            (updateRequest, client) -> {
                              logger.log("Updating " + label(model));
                              return client.injectCredentialsAndInvokeV2(
                                  updateRequest, client.client()::updateUserProfile);
                            })
                        .handleError(
                            (updateRequest, e, client, m, context) ->
                                ErrorRules.handle(Action.UPDATE, e, m, context))
                        .progress())
        .then(
            progress ->
                update.isEmpty()
                    ? progress
                    : awaitTransition(
                        proxy,
                        proxyClient,
                        progress,
                        timings.update(),
                        AWAIT_UPDATED,
                        Action.UPDATE,
                        described,
                        logger))
        .then(
            progress ->
                Tagging.update(
                    proxyClient,
                    () -> profileArn(proxyClient, model),
                    request.getPreviousResourceTags(),
                    request.getDesiredResourceTags(),
                    progress))
        .then(
            progress ->
                ReadHandler.read(
                    proxy,
                    proxyClient,
                    model,
                    progress.getCallbackContext(),
                    described.get(),
                    Action.UPDATE,
                    Tagging.stackOnlyKeys(request.getDesiredResourceTags(), model)));
  }

  /** Known once the profile was described in this invocation; described again otherwise. */
  private static String profileArn(
      final ProxyClient<SageMakerClient> client, final ResourceModel model) {
    return model.getUserProfileArn() != null
        ? model.getUserProfileArn()
        : describe(client, model).userProfileArn();
  }
}
