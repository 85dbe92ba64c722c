package com.org.sagemaker.runner.engine;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What one stack operation runs with: the handlers, the clock, the event stream and how many
 * handler invocations may run at once. Counts what it did, for the outcome.
 */
final class StackRun {

  final HandlerInvoker invoker;
  final Timeline timeline;
  final StackEvents events;
  final int workers;
  private int invocations;
  private int operations;

  StackRun(
      final HandlerInvoker invoker,
      final Timeline timeline,
      final StackEvents events,
      final int workers) {
    this.invoker = invoker;
    this.timeline = timeline;
    this.events = events;
    this.workers = workers;
  }

  Scheduler scheduler() {
    return new Scheduler(timeline, workers);
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

  /** As above; {@code cancellation} stops it at its next settling when it gives a reason. */
  void start(
      final Scheduler scheduler,
      final String verb,
      final HandlerInvoker.Request request,
      final String firstReason,
      final Consumer<ResourceOperation> done,
      final Supplier<String> cancellation) {
    operations++;
    final ResourceOperation operation =
        new ResourceOperation(
            verb,
            invoker.begin(request),
            events,
            timeline,
            ended -> {
              invocations += ended.invocations();
              done.accept(ended);
            },
            cancellation);
    scheduler.submit(operation.started(firstReason));
  }

  int invocations() {
    return invocations;
  }

  int operations() {
    return operations;
  }
}
