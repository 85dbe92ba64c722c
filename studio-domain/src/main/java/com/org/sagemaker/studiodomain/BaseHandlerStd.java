package com.org.sagemaker.studiodomain;

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
 * Every domain handler hands its action to the shared {@link Lifecycle}, run for {@link DomainType}
 * with the domain's timings and a SageMaker client.
 */
public abstract class BaseHandlerStd extends BaseHandler<CallbackContext> {

  private final Action action;
  private final Lifecycle<ResourceModel, CallbackContext, ?, ?> lifecycle;

  protected BaseHandlerStd(final Action action) {
    this(action, DomainTimings.DEFAULT, SageMakerClients::shared);
  }

  protected BaseHandlerStd(
      final Action action, final DomainTimings timings, final Supplier<SageMakerClient> client) {
    this.action = action;
    this.lifecycle = new Lifecycle<>(new DomainType(timings), timings, client);
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
