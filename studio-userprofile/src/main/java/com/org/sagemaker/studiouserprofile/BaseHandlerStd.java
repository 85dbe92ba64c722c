package com.org.sagemaker.studiouserprofile;

import com.org.sagemaker.common.SageMakerClients;
import com.org.sagemaker.common.lifecycle.Lifecycle;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.Logger;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/**
 * Every user-profile handler hands its action to the shared {@link Lifecycle}, run for {@link
 * ProfileType} with the profile's timings and a SageMaker client.
 */
public abstract class BaseHandlerStd extends BaseHandler<CallbackContext> {

  private final Action action;
  private final Lifecycle<ResourceModel, CallbackContext, ?, ?> lifecycle;

  protected BaseHandlerStd(final Action action) {
    this(action, ProfileTimings.DEFAULT, SageMakerClients::shared);
  }

  protected BaseHandlerStd(
      final Action action, final ProfileTimings timings, final Supplier<SageMakerClient> client) {
    this.action = action;
    this.lifecycle = new Lifecycle<>(new ProfileType(timings), timings, client);
  }

  @Override
  public final ProgressEvent<ResourceModel, CallbackContext> handleRequest(
      final AmazonWebServicesClientProxy proxy,
      final ResourceHandlerRequest<ResourceModel> request,
      final CallbackContext callbackContext,
      final Logger logger) {
    return lifecycle.handle(action, proxy, request, callbackContext, logger);
  }
}
