package com.org.sagemaker.common.lifecycle;

import com.org.sagemaker.common.ErrorRules;
import com.org.sagemaker.common.HandlerFailure;
import com.org.sagemaker.common.OperationTimer;
import com.org.sagemaker.common.Stabilization;
import com.org.sagemaker.common.Tagging;
import com.org.sagemaker.common.lifecycle.Waits.Wait;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.Logger;
import software.amazon.cloudformation.proxy.OperationStatus;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ProxyClient;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;
import software.amazon.cloudformation.proxy.StdCallbackContext;

/**
 * The handler lifecycle both types share, as call chains: each handler of a type hands its request
 * here, and the type ({@link StudioType}) supplies its calls, rules and own steps.
 *
 * <ul>
 *   <li>Create: input rules, the type's steps, the create call (remembered in the context, so a
 *       re-invocation never repeats it), a wait for InService, the type's steps, the final read.
 *   <li>Update: a wait until SageMaker accepts an update (a resource that does not exist is
 *       NotFound before any input check), input rules, the update call and a wait, tag changes, the
 *       final read.
 *   <li>Delete: a wait until no create or update is under way, the type's steps, the delete call, a
 *       wait until the resource is gone.
 *   <li>Read: Describe plus ListTags. List: one page per invocation.
 * </ul>
 *
 * <p>A failed create answers with a model only once this operation's create call succeeded: the
 * model holds the primary identifier, and CloudFormation's rollback deletes what a failed create
 * reports (cloudformation-coverage-roadmap#1493, cloudformation-cli-python-plugin#61), so a failure
 * before that must not name a resource another operation made ("Every model MUST include the
 * primaryIdentifier. The only exception is if the first progress event is FAILED, and the resource
 * has not yet been created", resource type handler contract).
 */
public final class Lifecycle<
    M,
    C extends StdCallbackContext & LifecycleContext,
    D extends AwsResponse,
    U extends AwsRequest> {

  private final StudioType<M, C, D, U> type;
  private final Timings timings;
  private final Supplier<SageMakerClient> client;
  private final Waits<M, C, D> waits;

  public Lifecycle(
      final StudioType<M, C, D, U> type,
      final Timings timings,
      final Supplier<SageMakerClient> client) {
    this.type = type;
    this.timings = timings;
    this.client = client;
    this.waits = new Waits<>(type);
  }

  public ProgressEvent<M, C> handle(
      final Action action,
      final AmazonWebServicesClientProxy proxy,
      final ResourceHandlerRequest<M> request,
      final C callbackContext,
      final Logger logger) {
    final C context = callbackContext == null ? type.newContext() : callbackContext;
    OperationTimer.onInvocation(context, timings.clock());
    final ProxyClient<SageMakerClient> proxyClient = proxy.newProxy(client);
    ProgressEvent<M, C> event;
    try {
      event =
          switch (action) {
            case CREATE -> create(proxy, request, context, proxyClient, logger);
            case READ -> read(proxy, request, context, proxyClient);
            case UPDATE -> update(proxy, request, context, proxyClient, logger);
            case DELETE -> delete(proxy, request, context, proxyClient, logger);
            case LIST -> list(proxy, request, context, proxyClient);
          };
    } catch (final HandlerFailure e) {
      // Thrown mid-chain (e.g. a transition ended Failed): answer with the model, which carries the
      // identifier by now, so CloudFormation's rollback can delete what was created. The
      // wrapper's own handling would answer without it, leaving a Failed resource behind.
      event =
          ProgressEvent.failed(
              request.getDesiredResourceState(), context, e.getErrorCode(), e.getMessage());
    }
    if (action == Action.CREATE && event.isFailed() && !context.isCreated()) {
      event.setResourceModel(null);
    }
    return event;
  }

  private ProgressEvent<M, C> create(
      final AmazonWebServicesClientProxy proxy,
      final ResourceHandlerRequest<M> request,
      final C context,
      final ProxyClient<SageMakerClient> client,
      final Logger logger) {
    final M model = request.getDesiredResourceState();
    type.validateCreate(model);
    Tagging.requireAllowed(request.getDesiredResourceTags());
    final AtomicReference<Described<D>> described = new AtomicReference<>();
    final SageMakerCall<M, ?, ?> create =
        type.createCall(
            Tagging.forCreate(request.getDesiredResourceTags(), request.getClientRequestToken()));
    return steps(type.beforeCreate(request), ProgressEvent.progress(model, context), client, logger)
        .then(progress -> callCreate(proxy, client, request, progress, create, logger))
        .then(
            progress ->
                waits.await(
                    proxy,
                    client,
                    progress,
                    Wait.TRANSITION,
                    timings.create(),
                    type.callGraph("AwaitCreated"),
                    Action.CREATE,
                    described,
                    logger))
        .then(progress -> steps(type.afterCreate(request), progress, client, logger))
        .then(progress -> finalRead(proxy, client, request, progress, described, Action.CREATE));
  }

  private <Q extends AwsRequest, R extends AwsResponse> ProgressEvent<M, C> callCreate(
      final AmazonWebServicesClientProxy proxy,
      final ProxyClient<SageMakerClient> client,
      final ResourceHandlerRequest<M> request,
      final ProgressEvent<M, C> progress,
      final SageMakerCall<M, Q, R> create,
      final Logger logger) {
    return proxy
        .initiate(create.name(), client, progress.getResourceModel(), progress.getCallbackContext())
        .translateToServiceRequest(create.request())
        .makeServiceCall(
            (createRequest, c) -> {
              logger.log("Creating " + type.label(progress.getResourceModel()));
              return create.invoke(c, createRequest);
            })
        .handleError(
            (createRequest, e, c, model, context) ->
                ErrorRules.classify(Action.CREATE, e) == HandlerErrorCode.AlreadyExists
                    ? type.onNameTaken(c, request, e, model, context)
                    : ErrorRules.handle(Action.CREATE, e, model, context))
        .done(
            (createRequest, response, c, model, context) -> {
              // Replayed from the context on every later invocation: the call is not repeated.
              create.onResponse().accept(model, response);
              context.setCreated(true);
              return ProgressEvent.progress(model, context);
            });
  }

  private ProgressEvent<M, C> update(
      final AmazonWebServicesClientProxy proxy,
      final ResourceHandlerRequest<M> request,
      final C context,
      final ProxyClient<SageMakerClient> client,
      final Logger logger) {
    final M model = request.getDesiredResourceState();
    final M previous = request.getPreviousResourceState();
    type.requireIdentifier(model);
    final AtomicReference<Described<D>> described = new AtomicReference<>();
    final AtomicReference<Optional<U>> update = new AtomicReference<>(Optional.empty());
    return ProgressEvent.progress(model, context)
        .then(
            progress ->
                waits.await(
                    proxy,
                    client,
                    progress,
                    Wait.UPDATE,
                    timings.update(),
                    type.callGraph("AwaitReadyForUpdate"),
                    Action.UPDATE,
                    described,
                    logger))
        .then(
            progress -> {
              type.schemaRules().requireCreateOnlyUnchanged(previous, model);
              type.validateUpdate(model, previous);
              Tagging.requireAllowed(request.getDesiredResourceTags());
              update.set(
                  type.updateRequest(
                      model, previous, Boolean.TRUE.equals(request.getRollback()), logger));
              return progress;
            })
        .then(
            progress ->
                update.get().isEmpty()
                    ? progress
                    : callUpdate(proxy, client, progress, update.get().get(), previous, logger))
        .then(
            progress ->
                update.get().isEmpty()
                    ? progress
                    : waits.await(
                        proxy,
                        client,
                        progress,
                        Wait.TRANSITION,
                        timings.update(),
                        type.callGraph("AwaitUpdated"),
                        Action.UPDATE,
                        described,
                        logger))
        .then(
            progress ->
                Tagging.update(
                    client,
                    () -> arn(client, model, described),
                    request.getPreviousResourceTags(),
                    request.getDesiredResourceTags(),
                    progress))
        .then(progress -> finalRead(proxy, client, request, progress, described, Action.UPDATE));
  }

  private ProgressEvent<M, C> callUpdate(
      final AmazonWebServicesClientProxy proxy,
      final ProxyClient<SageMakerClient> client,
      final ProgressEvent<M, C> progress,
      final U update,
      final M previous,
      final Logger logger) {
    return steps(type.beforeUpdate(previous, update), progress, client, logger)
        .then(
            p ->
                call(proxy, client, p, type.updateCall(update), Action.UPDATE, "Updating", logger));
  }

  private ProgressEvent<M, C> delete(
      final AmazonWebServicesClientProxy proxy,
      final ResourceHandlerRequest<M> request,
      final C context,
      final ProxyClient<SageMakerClient> client,
      final Logger logger) {
    final M model = request.getDesiredResourceState();
    type.requireIdentifier(model);
    final AtomicReference<Described<D>> described = new AtomicReference<>();
    return ProgressEvent.progress(model, context)
        .then(
            progress ->
                waits.await(
                    proxy,
                    client,
                    progress,
                    Wait.DELETE,
                    timings.delete(),
                    type.callGraph("AwaitReadyForDelete"),
                    Action.DELETE,
                    described,
                    logger))
        .then(progress -> steps(type.beforeDelete(), progress, client, logger))
        .then(
            progress ->
                call(proxy, client, progress, type.deleteCall(), Action.DELETE, "Deleting", logger))
        .then(
            progress ->
                waits.await(
                    proxy,
                    client,
                    progress,
                    Wait.GONE,
                    timings.delete(),
                    type.callGraph("AwaitDeleted"),
                    Action.DELETE,
                    described,
                    logger))
        .then(progress -> ProgressEvent.defaultSuccessHandler(null));
  }

  /** One SageMaker call in the chain, remembered in the context so it is made once. */
  private <Q extends AwsRequest, R extends AwsResponse> ProgressEvent<M, C> call(
      final AmazonWebServicesClientProxy proxy,
      final ProxyClient<SageMakerClient> client,
      final ProgressEvent<M, C> progress,
      final SageMakerCall<M, Q, R> call,
      final Action action,
      final String verb,
      final Logger logger) {
    return proxy
        .initiate(call.name(), client, progress.getResourceModel(), progress.getCallbackContext())
        .translateToServiceRequest(call.request())
        .makeServiceCall(
            (request, c) -> {
              logger.log(verb + " " + type.label(progress.getResourceModel()));
              return call.invoke(c, request);
            })
        .handleError(
            (request, e, c, model, context) -> ErrorRules.handle(action, e, model, context))
        .progress();
  }

  private ProgressEvent<M, C> read(
      final AmazonWebServicesClientProxy proxy,
      final ResourceHandlerRequest<M> request,
      final C context,
      final ProxyClient<SageMakerClient> client) {
    final M model = request.getDesiredResourceState();
    type.requireIdentifier(model);
    return read(
        proxy,
        client,
        model,
        context,
        null,
        Action.READ,
        Tagging.stackOnlyKeys(request.getDesiredResourceTags(), model));
  }

  private ProgressEvent<M, C> finalRead(
      final AmazonWebServicesClientProxy proxy,
      final ProxyClient<SageMakerClient> client,
      final ResourceHandlerRequest<M> request,
      final ProgressEvent<M, C> progress,
      final AtomicReference<Described<D>> described,
      final Action action) {
    final M model = request.getDesiredResourceState();
    return read(
        proxy,
        client,
        model,
        progress.getCallbackContext(),
        described.get(),
        action,
        Tagging.stackOnlyKeys(request.getDesiredResourceTags(), model));
  }

  /**
   * The resource as SageMaker reports it. {@code described}, when this invocation already described
   * it (the check that saw it InService), is used instead of describing it again. Errors are
   * classified for {@code action}: a create or update retries a throttled read. A resource being
   * deleted is NotFound.
   */
  private ProgressEvent<M, C> read(
      final AmazonWebServicesClientProxy proxy,
      final ProxyClient<SageMakerClient> client,
      final M model,
      final C context,
      final Described<D> described,
      final Action action,
      final Set<String> stackOnlyKeys) {
    if (described != null) {
      try {
        return succeeded(client, described, stackOnlyKeys);
      } catch (final RuntimeException e) {
        return ErrorRules.handle(action, e, model, context);
      }
    }
    return describeAndRead(
        proxy, client, model, context, type.describeCall(), action, stackOnlyKeys);
  }

  private <Q extends AwsRequest> ProgressEvent<M, C> describeAndRead(
      final AmazonWebServicesClientProxy proxy,
      final ProxyClient<SageMakerClient> client,
      final M model,
      final C context,
      final SageMakerCall<M, Q, D> describe,
      final Action action,
      final Set<String> stackOnlyKeys) {
    return proxy
        .initiate(describe.name(), client, model, context)
        .translateToServiceRequest(describe.request())
        .makeServiceCall(
            (request, c) -> {
              final Described<D> now = type.described(describe.invoke(c, request));
              if (Stabilization.DELETING.equals(now.status())) {
                throw new HandlerFailure(
                    HandlerErrorCode.NotFound, type.label(model) + " is being deleted.");
              }
              return now.response();
            })
        .handleError((request, e, c, m, ctx) -> ErrorRules.handle(action, e, m, ctx))
        .done(
            (request, response, c, m, ctx) ->
                succeeded(c, type.described(response), stackOnlyKeys));
  }

  /** The model of a described resource, with its tags (Describe returns none). */
  private ProgressEvent<M, C> succeeded(
      final ProxyClient<SageMakerClient> client,
      final Described<D> described,
      final Set<String> stackOnlyKeys) {
    return ProgressEvent.defaultSuccessHandler(
        type.fromDescribe(
            described.response(), Tagging.listAll(client, described.arn()), stackOnlyKeys));
  }

  /** One page per invocation; CloudFormation passes NextToken back. */
  private ProgressEvent<M, C> list(
      final AmazonWebServicesClientProxy proxy,
      final ResourceHandlerRequest<M> request,
      final C context,
      final ProxyClient<SageMakerClient> client) {
    // CloudFormation may send no model at all; the call chain needs one.
    final M model =
        request.getDesiredResourceState() == null
            ? type.emptyModel()
            : request.getDesiredResourceState();
    return list(proxy, client, model, context, type.listCall(model), request.getNextToken());
  }

  private <Q extends AwsRequest, R extends AwsResponse> ProgressEvent<M, C> list(
      final AmazonWebServicesClientProxy proxy,
      final ProxyClient<SageMakerClient> client,
      final M model,
      final C context,
      final ListCall<M, Q, R> list,
      final String nextToken) {
    return proxy
        .initiate(list.name(), client, model, context)
        .translateToServiceRequest(m -> list.request().apply(nextToken))
        .makeServiceCall(
            (request, c) ->
                c.injectCredentialsAndInvokeV2(request, list.operation().apply(c.client())))
        .handleError((request, e, c, m, ctx) -> ErrorRules.handle(Action.LIST, e, m, ctx))
        .done(
            response ->
                ProgressEvent.<M, C>builder()
                    .resourceModels(list.models().apply(response))
                    .nextToken(list.nextToken().apply(response))
                    .status(OperationStatus.SUCCESS)
                    .build());
  }

  /** The ARN, known once the resource was described in this invocation; described otherwise. */
  private String arn(
      final ProxyClient<SageMakerClient> client,
      final M model,
      final AtomicReference<Described<D>> described) {
    if (described.get() == null) {
      described.set(type.described(describe(client, model, type.describeCall())));
    }
    return described.get().arn();
  }

  private static <M, Q extends AwsRequest, D extends AwsResponse> D describe(
      final ProxyClient<SageMakerClient> client,
      final M model,
      final SageMakerCall<M, Q, D> describe) {
    return describe.invoke(client, describe.request().apply(model));
  }

  private ProgressEvent<M, C> steps(
      final List<Step<M, C>> steps,
      final ProgressEvent<M, C> start,
      final ProxyClient<SageMakerClient> client,
      final Logger logger) {
    ProgressEvent<M, C> progress = start;
    for (final Step<M, C> step : steps) {
      progress = progress.then(p -> step.apply(client, p, logger));
    }
    return progress;
  }
}
