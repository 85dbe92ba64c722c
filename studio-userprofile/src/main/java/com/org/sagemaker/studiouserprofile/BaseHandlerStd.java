package com.org.sagemaker.studiouserprofile;

import com.org.sagemaker.common.Backoff;
import com.org.sagemaker.common.ErrorRules;
import com.org.sagemaker.common.HandlerFailure;
import com.org.sagemaker.common.OperationTimer;
import com.org.sagemaker.common.SageMakerClients;
import com.org.sagemaker.common.Stabilization;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeUserProfileResponse;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.Logger;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ProxyClient;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/** What every user-profile handler shares: the client, the timings and status checks. */
public abstract class BaseHandlerStd extends BaseHandler<CallbackContext> {

  protected final ProfileTimings timings;
  private final Supplier<SageMakerClient> client;

  protected BaseHandlerStd() {
    this(ProfileTimings.DEFAULT, SageMakerClients::shared);
  }

  protected BaseHandlerStd(final ProfileTimings timings, final Supplier<SageMakerClient> client) {
    this.timings = timings;
    this.client = client;
  }

  @Override
  public final ProgressEvent<ResourceModel, CallbackContext> handleRequest(
      final AmazonWebServicesClientProxy proxy,
      final ResourceHandlerRequest<ResourceModel> request,
      final CallbackContext callbackContext,
      final Logger logger) {
    final CallbackContext context =
        callbackContext == null ? new CallbackContext() : callbackContext;
    OperationTimer.onInvocation(context, timings.clock());
    try {
      return handleRequest(proxy, request, context, proxy.newProxy(client), logger);
    } catch (final HandlerFailure e) {
      // Thrown mid-chain (e.g. a transition ended Failed): answer with the model, which carries the
      // identifier by now, so CloudFormation's rollback can delete what was created. The
      // wrapper's own handling would answer without it, leaving a Failed resource behind.
      return ProgressEvent.failed(
          request.getDesiredResourceState(), context, e.getErrorCode(), e.getMessage());
    }
  }

  protected abstract ProgressEvent<ResourceModel, CallbackContext> handleRequest(
      AmazonWebServicesClientProxy proxy,
      ResourceHandlerRequest<ResourceModel> request,
      CallbackContext callbackContext,
      ProxyClient<SageMakerClient> proxyClient,
      Logger logger);

  static DescribeUserProfileResponse describe(
      final ProxyClient<SageMakerClient> client, final ResourceModel model) {
    return client.injectCredentialsAndInvokeV2(
        Translator.toDescribeRequest(model), client.client()::describeUserProfile);
  }

  static String label(final ResourceModel model) {
    return "User profile " + model.getUserProfileName() + " in domain " + model.getDomainId();
  }

  /**
   * Waits, through callbacks, until SageMaker accepts an update of the profile (InService or
   * Update_Failed, see {@link Stabilization#readyForUpdate}): each check describes it, the first
   * one at once. Nothing is called to start the wait; the chain is there for its memoized, budgeted
   * stabilization. The last description is kept in {@code described} for the final read of this
   * invocation.
   */
  static ProgressEvent<ResourceModel, CallbackContext> awaitReadyForUpdate(
      final AmazonWebServicesClientProxy proxy,
      final ProxyClient<SageMakerClient> proxyClient,
      final ProgressEvent<ResourceModel, CallbackContext> progress,
      final Backoff backoff,
      final String callGraph,
      final Action action,
      final AtomicReference<DescribeUserProfileResponse> described,
      final Logger logger) {
    return await(
        proxy, proxyClient, progress, backoff, callGraph, action, Wait.UPDATE, described, logger);
  }

  /** Like {@link #awaitReadyForUpdate}, until a delete may start: see {@link Wait#DELETE}. */
  static ProgressEvent<ResourceModel, CallbackContext> awaitReadyForDelete(
      final AmazonWebServicesClientProxy proxy,
      final ProxyClient<SageMakerClient> proxyClient,
      final ProgressEvent<ResourceModel, CallbackContext> progress,
      final Backoff backoff,
      final String callGraph,
      final Logger logger) {
    return await(
        proxy,
        proxyClient,
        progress,
        backoff,
        callGraph,
        Action.DELETE,
        Wait.DELETE,
        new AtomicReference<>(),
        logger);
  }

  /**
   * Waits until the profile is InService, after the call that began the transition in this
   * invocation: the first look comes after the backoff's first delay (see {@link
   * Stabilization#justCalled}); a failure now is this transition's.
   */
  static ProgressEvent<ResourceModel, CallbackContext> awaitTransition(
      final AmazonWebServicesClientProxy proxy,
      final ProxyClient<SageMakerClient> proxyClient,
      final ProgressEvent<ResourceModel, CallbackContext> progress,
      final Backoff backoff,
      final String callGraph,
      final Action action,
      final AtomicReference<DescribeUserProfileResponse> described,
      final Logger logger) {
    return await(
        proxy,
        proxyClient,
        progress,
        backoff,
        callGraph,
        action,
        Wait.TRANSITION,
        described,
        logger);
  }

  /** What a wait waits for. */
  private enum Wait {
    /** SageMaker accepts an update: {@link Stabilization#readyForUpdate}. */
    UPDATE,
    /** No create or update under way: {@link Stabilization#readyForDelete}. */
    DELETE,
    /** The transition this invocation started ends InService: {@link Stabilization#reached}. */
    TRANSITION
  }

  private static ProgressEvent<ResourceModel, CallbackContext> await(
      final AmazonWebServicesClientProxy proxy,
      final ProxyClient<SageMakerClient> proxyClient,
      final ProgressEvent<ResourceModel, CallbackContext> progress,
      final Backoff backoff,
      final String callGraph,
      final Action action,
      final Wait wait,
      final AtomicReference<DescribeUserProfileResponse> described,
      final Logger logger) {
    return proxy
        .initiate(
            callGraph, proxyClient, progress.getResourceModel(), progress.getCallbackContext())
        .translateToServiceRequest(Translator::toDescribeRequest)
        .backoffDelay(backoff)
        .makeServiceCall((describeRequest, client) -> (DescribeUserProfileResponse) null)
        .stabilize(
            (describeRequest, response, client, model, context) -> {
              if (wait == Wait.TRANSITION && Stabilization.justCalled(context, callGraph)) {
                return false;
              }
              final DescribeUserProfileResponse profile = describe(client, model);
              described.set(profile);
              model.setUserProfileArn(profile.userProfileArn());
              logger.log(String.format("%s is %s", label(model), profile.statusAsString()));
              final String status = profile.statusAsString();
              final String reason = profile.failureReason();
              return switch (wait) {
                case UPDATE ->
                    Stabilization.readyForUpdate(
                        label(model), status, reason, backoff, context, callGraph);
                case DELETE ->
                    Stabilization.readyForDelete(label(model), status, backoff, context, callGraph);
                case TRANSITION ->
                    Stabilization.reached(
                        label(model),
                        status,
                        reason,
                        Stabilization.IN_SERVICE,
                        backoff,
                        context,
                        callGraph);
              };
            })
        .handleError(
            (describeRequest, e, client, model, context) ->
                ErrorRules.handle(action, e, model, context))
        .progress();
  }

  /** Every handler but List needs both parts of the identifier. */
  static void requireIdentifier(final ResourceModel model) {
    if (model == null || isBlank(model.getDomainId()) || isBlank(model.getUserProfileName())) {
      throw new HandlerFailure(
          HandlerErrorCode.InvalidRequest,
          "DomainId and UserProfileName are required to find the user profile.");
    }
  }

  static boolean isBlank(final String value) {
    return value == null || value.isBlank();
  }
}
