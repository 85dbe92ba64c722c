package com.org.sagemaker.runner.engine;

import com.org.sagemaker.runner.state.Journal.Outcome;
import com.org.sagemaker.runner.types.ResourceTypes;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One handler operation on one resource, run by the {@link Scheduler}, with the stack events
 * CloudFormation prints for it: {@code <VERB>_IN_PROGRESS}, "Resource creation Initiated" once a
 * create has started, then {@code _COMPLETE} or {@code _FAILED} with the handler's message in
 * CloudFormation's format. The verb is the stack's view (a replacement's Create shows as UPDATE).
 * An operation that outlives its schema's timeoutInMinutes fails as CloudFormation reports it.
 */
public final class ResourceOperation implements Scheduler.Task {

  // Reason texts as CloudFormation prints them (docs/sources/cloudformation.md §1a, §1b, §10c).
  static final String REPLACING =
      "Requested update requires the creation of a new physical resource; hence creating one.";
  static final String CREATION_INITIATED = "Resource creation Initiated";

  final String logicalId;
  final String type;
  final String verb;
  final HandlerInvoker.Operation operation;
  private final StackEvents events;
  private final Timeline timeline;
  private final Instant deadline;
  private final Consumer<ResourceOperation> answered;
  private final Consumer<ResourceOperation> done;
  private final Supplier<String> cancellation;
  private boolean invoked;
  private boolean cancellable = true;
  private Duration next;
  private boolean timingOut;
  private boolean timedOut;
  private int checks;
  private Outcome outcome = Outcome.RUNNING;

  /**
   * @param verb CREATE, UPDATE or DELETE: how the stack's events show the operation
   * @param started when the operation began (earlier than now when it is continued)
   * @param answered called on the loop's thread after each invocation, before anything else
   * @param done called on the loop's thread once the operation has ended, however it ended
   * @param cancellation the reason to stop the operation at its next settling, or null to go on
   */
  ResourceOperation(
      final String verb,
      final HandlerInvoker.Operation operation,
      final StackEvents events,
      final Timeline timeline,
      final Instant started,
      final Consumer<ResourceOperation> answered,
      final Consumer<ResourceOperation> done,
      final Supplier<String> cancellation) {
    this.logicalId = operation.request().logicalId();
    this.type = operation.request().typeName();
    this.verb = verb;
    this.operation = operation;
    this.events = events;
    this.timeline = timeline;
    this.answered = answered;
    this.done = done;
    this.cancellation = cancellation;
    this.checks = operation.invocations();
    this.deadline =
        started.plus(
            Duration.ofMinutes(ResourceTypes.timeoutMinutes(type, operation.request().action())));
  }

  /** Prints the first event; {@code firstReason} is null or e.g. {@link #REPLACING}. */
  ResourceOperation started(final String firstReason) {
    events.event(logicalId, type, verb + "_IN_PROGRESS", firstReason);
    return this;
  }

  /** Says that an interrupted run's operation goes on from where it was recorded. */
  ResourceOperation continued() {
    cancellable = false;
    events.line(
        String.format(
            "%-20s  %-22s  ... continued after %d recorded invocation(s) (RequestToken: %s)",
            "", logicalId, operation.invocations(), operation.token()));
    return this;
  }

  @Override
  public void work() {
    if (timingOut) {
      timedOut = true;
      return;
    }
    next = operation.invokeOnce();
    invoked = true;
  }

  @Override
  public Duration settle() {
    if (invoked) {
      invoked = false;
      answered.accept(this);
    }
    if (timedOut) {
      // CloudFormation stops listening at the schema's timeout (cloudformation-cli#514).
      return end(
          Outcome.FAILED,
          "Resource timed out waiting for completion (RequestToken: " + operation.token() + ")");
    }
    if (next != null) {
      final String cancelled = cancellation.get();
      if (cancelled != null) {
        cancel(cancelled);
        return null;
      }
      checks++;
      if (checks == 1 && "CREATE".equals(operation.request().action())) {
        events.event(logicalId, type, verb + "_IN_PROGRESS", CREATION_INITIATED);
      }
      events.waiting(logicalId, checks, next.toSeconds());
      final Duration left = Duration.between(timeline.now(), deadline);
      if (next.compareTo(left) >= 0) {
        timingOut = true;
        return left.isNegative() ? Duration.ZERO : left;
      }
      return next;
    }
    final HandlerInvoker.Result result = operation.result();
    if (result.succeeded()) {
      return end(Outcome.SUCCEEDED, null);
    }
    if ("DELETE".equals(operation.request().action()) && "NotFound".equals(result.errorCode())) {
      // A delete that finds nothing to delete: the resource is gone, as the stack wants it.
      return end(Outcome.SUCCEEDED, "Already gone");
    }
    return end(Outcome.FAILED, handlerMessage(result, operation.token()));
  }

  /** Stops the operation where it is, e.g. "Resource creation cancelled", and ends it. */
  void cancel(final String cancelReason) {
    outcome = Outcome.CANCELLED;
    events.event(logicalId, type, verb + "_FAILED", cancelReason);
    done.accept(this);
  }

  private Duration end(final Outcome ended, final String text) {
    outcome = ended;
    events.event(
        logicalId, type, verb + (ended == Outcome.SUCCEEDED ? "_COMPLETE" : "_FAILED"), text);
    done.accept(this);
    return null;
  }

  /**
   * How CloudFormation shows a handler's failure (docs/sources/cloudformation.md §10d): {@code
   * Resource handler returned message: "<message>" (RequestToken: <token>, HandlerErrorCode:
   * <code>)}.
   */
  public static String handlerMessage(final HandlerInvoker.Result result, final String token) {
    return "Resource handler returned message: \""
        + result.message()
        + "\" (RequestToken: "
        + token
        + ", HandlerErrorCode: "
        + result.errorCode()
        + ")";
  }

  Outcome outcome() {
    return outcome;
  }

  /** False for an operation continued from an interrupted run's journal: it runs to its end. */
  boolean cancellable() {
    return cancellable;
  }

  /** The number of the last invocation. */
  int invocation() {
    return operation.invocations();
  }

  /** True while the handler has not answered its last event (it answered IN_PROGRESS). */
  boolean inProgress() {
    return operation.result() == null;
  }

  /** The last model the handler gave, e.g. to delete what a failed create left. */
  com.fasterxml.jackson.databind.JsonNode model() {
    return operation.model();
  }

  int invocations() {
    return operation.invocations();
  }
}
