package com.org.sagemaker.common.lifecycle;

import com.org.sagemaker.common.Backoff;
import com.org.sagemaker.common.ErrorRules;
import com.org.sagemaker.common.Stabilization;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.Logger;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ProxyClient;
import software.amazon.cloudformation.proxy.StdCallbackContext;

/**
 * Describe-and-wait, through callbacks, for every type: each check describes the resource and
 * decides with {@link Stabilization}; nothing is called to start a wait, the call chain is there
 * for its memoized, budgeted stabilization. The last description is kept for the final read of the
 * invocation, so a resource seen InService is not described again.
 */
final class Waits<M, C extends StdCallbackContext & LifecycleContext, D extends AwsResponse> {

  /** What a wait waits for. */
  enum Wait {
    /** SageMaker accepts an update: {@link Stabilization#readyForUpdate}. */
    UPDATE,
    /** No create or update under way: {@link Stabilization#readyForDelete}. */
    DELETE,
    /**
     * The transition this invocation started ends InService ({@link Stabilization#reached}): the
     * first look comes after the backoff's first delay ({@link Stabilization#justCalled}), and a
     * failure now is this transition's.
     */
    TRANSITION,
    /**
     * The delete this invocation started ends with the resource gone: {@link Stabilization#gone}.
     */
    GONE
  }

  private final StudioType<M, C, D, ?> type;

  Waits(final StudioType<M, C, D, ?> type) {
    this.type = type;
  }

  ProgressEvent<M, C> await(
      final AmazonWebServicesClientProxy proxy,
      final ProxyClient<SageMakerClient> client,
      final ProgressEvent<M, C> progress,
      final Wait wait,
      final Backoff backoff,
      final String callGraph,
      final Action action,
      final AtomicReference<Described<D>> described,
      final Logger logger) {
    return await(
        proxy,
        client,
        progress,
        type.describeCall(),
        wait,
        backoff,
        callGraph,
        action,
        described,
        logger);
  }

  private <Q extends AwsRequest> ProgressEvent<M, C> await(
      final AmazonWebServicesClientProxy proxy,
      final ProxyClient<SageMakerClient> client,
      final ProgressEvent<M, C> progress,
      final SageMakerCall<M, Q, D> describe,
      final Wait wait,
      final Backoff backoff,
      final String callGraph,
      final Action action,
      final AtomicReference<Described<D>> described,
      final Logger logger) {
    return proxy
        .initiate(callGraph, client, progress.getResourceModel(), progress.getCallbackContext())
        .translateToServiceRequest(describe.request())
        .backoffDelay(backoff)
        .makeServiceCall((request, c) -> (AwsResponse) null)
        .stabilize(
            (request, none, c, model, context) -> {
              final boolean transition = wait == Wait.TRANSITION || wait == Wait.GONE;
              if (transition && Stabilization.justCalled(context, callGraph)) {
                return false;
              }
              final Described<D> now;
              try {
                now = type.described(describe.invoke(c, request));
              } catch (final RuntimeException e) {
                if (wait == Wait.GONE && ErrorRules.isNotFound(e)) {
                  logger.log(type.label(model) + " is deleted");
                  return true;
                }
                throw e;
              }
              described.set(now);
              type.noteDescribed(model, now.response());
              logger.log(String.format("%s is %s", type.label(model), now.status()));
              return switch (wait) {
                case UPDATE ->
                    Stabilization.readyForUpdate(
                        type.label(model),
                        now.status(),
                        now.failureReason(),
                        backoff,
                        context,
                        callGraph);
                case DELETE ->
                    Stabilization.readyForDelete(
                        type.label(model), now.status(), backoff, context, callGraph);
                case TRANSITION ->
                    Stabilization.reached(
                        type.label(model),
                        now.status(),
                        now.failureReason(),
                        Stabilization.IN_SERVICE,
                        backoff,
                        context,
                        callGraph);
                case GONE ->
                    Stabilization.gone(
                        type.label(model),
                        now.status(),
                        now.failureReason(),
                        backoff,
                        context,
                        callGraph);
              };
            })
        .handleError(
            (request, e, c, model, context) -> ErrorRules.handle(action, e, model, context))
        .progress();
  }
}
