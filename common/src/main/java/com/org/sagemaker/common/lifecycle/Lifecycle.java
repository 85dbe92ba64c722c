package com.org.sagemaker.common.lifecycle;

import com.org.sagemaker.common.Backoff;
import com.org.sagemaker.common.ErrorRules;
import com.org.sagemaker.common.HandlerFailure;
import com.org.sagemaker.common.OperationTimer;
import com.org.sagemaker.common.Stabilization;
import com.org.sagemaker.common.Tagging;
import com.org.sagemaker.common.lifecycle.Waits.Wait;
import java.util.List;
import java.util.Optional;
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
    final Invocation invocation = new Invocation(proxy, request, context, logger);
    ProgressEvent<M, C> event;
    try {
      event =
          switch (action) {
            case CREATE -> invocation.create();
            case READ -> invocation.read();
            case UPDATE -> invocation.update();
            case DELETE -> invocation.delete();
            case LIST -> invocation.list();
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

  /** One invocation of a handler: what every step of its chain works with. */
  private final class Invocation {

    private final AmazonWebServicesClientProxy proxy;
    private final ResourceHandlerRequest<M> request;
    private final M model;
    private final C context;
    private final ProxyClient<SageMakerClient> sageMaker;
    private final Logger logger;

    /** The last description of the resource in this invocation, for the final read. */
    private final AtomicReference<Described<D>> described = new AtomicReference<>();

    Invocation(
        final AmazonWebServicesClientProxy proxy,
        final ResourceHandlerRequest<M> request,
        final C context,
        final Logger logger) {
      this.proxy = proxy;
      this.request = request;
      this.model = request.getDesiredResourceState();
      this.context = context;
      this.sageMaker = proxy.newProxy(client);
      this.logger = logger;
    }

    ProgressEvent<M, C> create() {
      type.checkBeforeCreate(model, request.getDesiredResourceTags());
      final SageMakerCall<M, ?, ?> create =
          type.createCall(
              Tagging.forCreate(request.getDesiredResourceTags(), request.getClientRequestToken()));
      return steps(type.beforeCreate(request), ProgressEvent.progress(model, context))
          .then(progress -> callCreate(progress, create))
          .then(
              progress ->
                  await(progress, Wait.TRANSITION, timings.create(), "AwaitCreated", Action.CREATE))
          .then(progress -> steps(type.afterCreate(request), progress))
          .then(progress -> finalRead(Action.CREATE));
    }

    private <Q extends AwsRequest, R extends AwsResponse> ProgressEvent<M, C> callCreate(
        final ProgressEvent<M, C> progress, final SageMakerCall<M, Q, R> create) {
      return proxy
          .initiate(create.name(), sageMaker, model, progress.getCallbackContext())
          .translateToServiceRequest(create.request())
          .makeServiceCall(
              (createRequest, c) -> {
                logger.log("Creating " + type.label(model));
                return create.invoke(c, createRequest);
              })
          .handleError(
              (createRequest, e, c, m, ctx) ->
                  ErrorRules.classify(Action.CREATE, e) == HandlerErrorCode.AlreadyExists
                      ? type.onNameTaken(c, request, e, m, ctx)
                      : ErrorRules.handle(Action.CREATE, e, m, ctx))
          .done(
              (createRequest, response, c, m, ctx) -> {
                // Replayed from the context on every later invocation: the call is not repeated.
                create.onResponse().accept(m, response);
                ctx.setCreated(true);
                return ProgressEvent.progress(m, ctx);
              });
    }

    ProgressEvent<M, C> update() {
      final M previous = request.getPreviousResourceState();
      type.requireIdentifier(model);
      final AtomicReference<Optional<U>> update = new AtomicReference<>(Optional.empty());
      return ProgressEvent.progress(model, context)
          .then(
              progress ->
                  await(
                      progress,
                      Wait.UPDATE,
                      timings.update(),
                      "AwaitReadyForUpdate",
                      Action.UPDATE))
          .then(
              progress -> {
                type.checkBeforeUpdate(model, previous, request.getDesiredResourceTags());
                update.set(
                    type.updateRequest(
                        model, previous, Boolean.TRUE.equals(request.getRollback()), logger));
                return progress;
              })
          .then(
              progress ->
                  update.get().isEmpty()
                      ? progress
                      : steps(type.beforeUpdate(previous, update.get().get()), progress)
                          .then(
                              p ->
                                  call(
                                      p,
                                      type.updateCall(update.get().get()),
                                      Action.UPDATE,
                                      "Updating"))
                          .then(
                              p ->
                                  await(
                                      p,
                                      Wait.TRANSITION,
                                      timings.update(),
                                      "AwaitUpdated",
                                      Action.UPDATE)))
          .then(
              progress ->
                  Tagging.update(
                      sageMaker,
                      this::arn,
                      request.getPreviousResourceTags(),
                      request.getDesiredResourceTags(),
                      progress))
          .then(progress -> finalRead(Action.UPDATE));
    }

    ProgressEvent<M, C> delete() {
      type.requireIdentifier(model);
      return ProgressEvent.progress(model, context)
          .then(
              progress ->
                  await(
                      progress,
                      Wait.DELETE,
                      timings.delete(),
                      "AwaitReadyForDelete",
                      Action.DELETE))
          .then(progress -> steps(type.beforeDelete(), progress))
          .then(progress -> call(progress, type.deleteCall(), Action.DELETE, "Deleting"))
          .then(
              progress ->
                  await(progress, Wait.GONE, timings.delete(), "AwaitDeleted", Action.DELETE))
          .then(progress -> ProgressEvent.defaultSuccessHandler(null));
    }

    private ProgressEvent<M, C> await(
        final ProgressEvent<M, C> progress,
        final Wait wait,
        final Backoff backoff,
        final String step,
        final Action action) {
      return waits.await(
          proxy,
          sageMaker,
          progress,
          wait,
          backoff,
          type.callGraph(step),
          action,
          described,
          logger);
    }

    /** One SageMaker call in the chain, remembered in the context so it is made once. */
    private <Q extends AwsRequest, R extends AwsResponse> ProgressEvent<M, C> call(
        final ProgressEvent<M, C> progress,
        final SageMakerCall<M, Q, R> call,
        final Action action,
        final String verb) {
      return proxy
          .initiate(call.name(), sageMaker, model, progress.getCallbackContext())
          .translateToServiceRequest(call.request())
          .makeServiceCall(
              (callRequest, c) -> {
                logger.log(verb + " " + type.label(model));
                return call.invoke(c, callRequest);
              })
          .handleError((callRequest, e, c, m, ctx) -> ErrorRules.handle(action, e, m, ctx))
          .progress();
    }

    ProgressEvent<M, C> read() {
      type.requireIdentifier(model);
      return finalRead(Action.READ);
    }

    /**
     * The resource as SageMaker reports it, from the description this invocation already has (the
     * check that saw it InService) or a new one. Errors are classified for {@code action}: a create
     * or update retries a throttled read. A resource being deleted is NotFound.
     */
    private ProgressEvent<M, C> finalRead(final Action action) {
      if (described.get() != null) {
        try {
          return succeeded(sageMaker, described.get());
        } catch (final RuntimeException e) {
          return ErrorRules.handle(action, e, model, context);
        }
      }
      return describeAndRead(type.describeCall(), action);
    }

    private <Q extends AwsRequest> ProgressEvent<M, C> describeAndRead(
        final SageMakerCall<M, Q, D> describe, final Action action) {
      return proxy
          .initiate(describe.name(), sageMaker, model, context)
          .translateToServiceRequest(describe.request())
          .makeServiceCall(
              (describeRequest, c) -> {
                final Described<D> now = type.described(describe.invoke(c, describeRequest));
                if (Stabilization.DELETING.equals(now.status())) {
                  throw new HandlerFailure(
                      HandlerErrorCode.NotFound, type.label(model) + " is being deleted.");
                }
                return now.response();
              })
          .handleError((describeRequest, e, c, m, ctx) -> ErrorRules.handle(action, e, m, ctx))
          .done((describeRequest, response, c, m, ctx) -> succeeded(c, type.described(response)));
    }

    /**
     * The model of a described resource, with its tags (Describe returns none); tags that came from
     * stack-level tags only are not the resource's Tags.
     */
    private ProgressEvent<M, C> succeeded(
        final ProxyClient<SageMakerClient> c, final Described<D> resource) {
      return ProgressEvent.defaultSuccessHandler(
          type.fromDescribe(
              resource.response(),
              Tagging.listAll(c, resource.arn()),
              Tagging.stackOnlyKeys(request.getDesiredResourceTags(), model)));
    }

    /** One page per invocation; CloudFormation passes NextToken back. */
    ProgressEvent<M, C> list() {
      // CloudFormation may send no model at all; the call chain needs one.
      final M listed = model == null ? type.emptyModel() : model;
      return list(listed, type.listCall(listed));
    }

    private <Q extends AwsRequest, R extends AwsResponse> ProgressEvent<M, C> list(
        final M listed, final ListCall<M, Q, R> list) {
      return proxy
          .initiate(list.name(), sageMaker, listed, context)
          .translateToServiceRequest(m -> list.request().apply(request.getNextToken()))
          .makeServiceCall(
              (listRequest, c) ->
                  c.injectCredentialsAndInvokeV2(listRequest, list.operation().apply(c.client())))
          .handleError((listRequest, e, c, m, ctx) -> ErrorRules.handle(Action.LIST, e, m, ctx))
          .done(
              response ->
                  ProgressEvent.<M, C>builder()
                      .resourceModels(list.models().apply(response))
                      .nextToken(list.nextToken().apply(response))
                      .status(OperationStatus.SUCCESS)
                      .build());
    }

    /** The ARN, known once the resource was described in this invocation; described otherwise. */
    private String arn() {
      if (described.get() == null) {
        described.set(type.described(describe(type.describeCall())));
      }
      return described.get().arn();
    }

    private <Q extends AwsRequest> D describe(final SageMakerCall<M, Q, D> describe) {
      return describe.invoke(sageMaker, describe.request().apply(model));
    }

    private ProgressEvent<M, C> steps(
        final List<Step<M, C>> steps, final ProgressEvent<M, C> start) {
      ProgressEvent<M, C> progress = start;
      for (final Step<M, C> step : steps) {
        progress = progress.then(p -> step.apply(sageMaker, p, logger));
      }
      return progress;
    }
  }
}
