package com.org.sagemaker.runner.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.org.sagemaker.runner.state.Journal;
import com.org.sagemaker.runner.state.StackState;
import com.org.sagemaker.runner.state.StateStore;
import com.org.sagemaker.runner.template.Template;
import com.org.sagemaker.runner.types.ResourceTypes;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What one stack operation runs with: the handlers, the clock, the event stream, how many handler
 * invocations may run at once, and where the stack's state is made durable. Every handler operation
 * goes through {@link #start}, which records it in the stack's {@link Journal} before its first
 * invocation and after each answer, and continues one that the journal already holds (an
 * interrupted run's) instead of beginning it again. Counts what it did, for the outcome.
 */
final class StackRun {

  final HandlerInvoker invoker;
  final Timeline timeline;
  final StackEvents events;
  final int workers;
  private final StackState state;
  private final StateStore store;
  private int invocations;
  private int operations;

  StackRun(
      final HandlerInvoker invoker,
      final Timeline timeline,
      final StackEvents events,
      final int workers,
      final StackState state,
      final StateStore store) {
    this.invoker = invoker;
    this.timeline = timeline;
    this.events = events;
    this.workers = workers;
    this.state = state;
    this.store = store;
  }

  Scheduler scheduler() {
    return new Scheduler(timeline, workers);
  }

  /** Makes the stack's state durable; {@code point} names what was just recorded. */
  void save(final String point) {
    store.save(state, point);
  }

  /** Starts a handler operation on {@code scheduler}, printing its first event. */
  void start(
      final Scheduler scheduler,
      final String verb,
      final HandlerInvoker.Request request,
      final String firstReason,
      final Consumer<ResourceOperation> done) {
    start(scheduler, verb, request, firstReason, done, () -> null);
  }

  /**
   * As above; {@code cancellation} stops it at its next settling when it gives a reason. An
   * operation the journal holds in flight is continued with its recorded token, callback context
   * and model, and runs to its end whatever {@code cancellation} says: a create whose answer was
   * lost learns its resource's identifier only so, and the domain handler deletes a duplicate that
   * a repeated CreateDomain made only at the end of its operation.
   */
  void start(
      final Scheduler scheduler,
      final String verb,
      final HandlerInvoker.Request request,
      final String firstReason,
      final Consumer<ResourceOperation> done,
      final Supplier<String> cancellation) {
    operations++;
    final Journal journal = state.operation();
    final String key = key(request);
    final String point = request.action() + " " + request.logicalId();
    final Optional<Journal.Call> recorded = journal.call(key);
    final Journal.Call call;
    final HandlerInvoker.Operation operation;
    if (recorded.isPresent()) {
      call = recorded.get();
      operation =
          invoker.continued(
              requestOf(call),
              call.token(),
              call.callbackContext(),
              call.model(),
              call.invocations());
    } else {
      operation = invoker.begin(request);
      call =
          new Journal.Call(
              key,
              Template.JSON.valueToTree(request),
              operation.token(),
              timeline.now().toString());
      journal.calls().add(call);
      // The intent is on disk before the handler is first invoked.
      save("intent " + point);
    }
    final ResourceOperation resource =
        new ResourceOperation(
            verb,
            operation,
            events,
            timeline,
            Instant.parse(call.startedAt()),
            answered -> {
              store.reached("answered " + point + " " + answered.invocation());
              if (answered.inProgress()) {
                call.answered(
                    operation.callbackContext(), operation.progressModel(), answered.invocation());
                save("recorded " + point + " " + answered.invocation());
              }
            },
            ended -> {
              journal.calls().remove(call);
              invocations += ended.invocations();
              done.accept(ended);
              save("ended " + point);
            },
            recorded.isPresent() ? () -> null : cancellation);
    scheduler.submit(recorded.isPresent() ? resource.continued() : resource.started(firstReason));
  }

  /**
   * Names a handler operation in the journal: its action, logical id and, when its properties carry
   * it, the resource's primary identifier (a stack delete may delete two physical resources of one
   * logical id: the resource and what a failed replacement left).
   */
  static String key(final HandlerInvoker.Request request) {
    final String identifier =
        ResourceTypes.pointers(request.typeName(), "primaryIdentifier").stream()
            .map(pointer -> request.properties().at(pointer))
            .filter(node -> node.isValueNode() && !node.isNull())
            .map(node -> node.asText())
            .collect(Collectors.joining("|"));
    return request.action()
        + " "
        + request.logicalId()
        + (identifier.isEmpty() ? "" : " " + identifier);
  }

  private static HandlerInvoker.Request requestOf(final Journal.Call call) {
    try {
      return Template.JSON.treeToValue(call.request(), HandlerInvoker.Request.class);
    } catch (final JsonProcessingException e) {
      throw new IllegalStateException(
          "The stack's state records a handler operation the runner cannot read: " + call.key(), e);
    }
  }

  int invocations() {
    return invocations;
  }

  int operations() {
    return operations;
  }
}
