package com.org.sagemaker.runner.engine;

import com.org.sagemaker.runner.changeset.Plan;
import com.org.sagemaker.runner.state.StackState;
import com.org.sagemaker.runner.template.TemplateException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs stack operations the way CloudFormation is shaped: a {@link Plan} (the change set, from
 * template and state alone), an {@link Execution} of it, a {@link Rollback} derived from what was
 * executed, and the stack's status and events around them. Also the programmatic entry point, e.g.
 * for a benchmark: {@link Plan#of} then {@link #deploy}, and {@link #delete}, each answering an
 * {@link Outcome} with the SageMaker time it took.
 */
public final class Deployer {

  /** A stack status in which CloudFormation allows no update (user guide; ValidationError). */
  private static final Set<String> NOT_UPDATABLE =
      Set.of("ROLLBACK_COMPLETE", "ROLLBACK_FAILED", "UPDATE_ROLLBACK_FAILED");

  /**
   * How a stack operation ended: the stack's status, the SageMaker time it took (on the operation's
   * {@link Timeline}), the handler operations and invocations it made, and the resources that
   * failed.
   */
  public record Outcome(
      String stackStatus,
      boolean succeeded,
      Duration elapsed,
      int operations,
      int invocations,
      List<String> failedResources) {}

  private final HandlerInvoker invoker;
  private final Timeline timeline;
  private final StackEvents events;
  private final int workers;

  /**
   * @param workers how many handler invocations may run at once (1: in turn, deterministic whatever
   *     the handlers do; waits overlap either way)
   */
  public Deployer(
      final HandlerInvoker invoker,
      final Timeline timeline,
      final StackEvents events,
      final int workers) {
    this.invoker = invoker;
    this.timeline = timeline;
    this.events = events;
    this.workers = workers;
  }

  /** Creates the stack, or updates it to the plan; rolls back a failure unless told not to. */
  public Outcome deploy(final Plan plan, final boolean rollback) {
    final StackState state = plan.state();
    if (state.status() != null && NOT_UPDATABLE.contains(state.status())) {
      // The text CloudFormation gives (users' logs of CreateChangeSet's ValidationError).
      throw new IllegalStateException(
          "Stack:"
              + state.stackId()
              + " is in "
              + state.status()
              + " state and can not be updated. (Delete it first: studio-local delete.)");
    }
    final Instant start = timeline.now();
    final StackRun run = new StackRun(invoker, timeline, events, workers);
    if (!plan.creating() && unchanged(plan)) {
      // What UpdateStack answers (a ValidationError, which deploy tools treat as success).
      events.line("No updates are to be performed.");
      return new Outcome(state.status(), true, Duration.ZERO, 0, 0, List.of());
    }
    final boolean creating = plan.creating();
    final String verb = creating ? "CREATE" : "UPDATE";
    final StackState before = state.copy();
    event(state, verb + "_IN_PROGRESS", "User Initiated");
    deleteLeftovers(run, state);
    final Execution execution = new Execution(plan, run);
    final List<String> failed;
    if (execution.forward()) {
      state.parameters(plan.context().parameters());
      state.stackTags(plan.stackTags());
      if (creating) {
        state.status("CREATE_COMPLETE");
        event(state, state.status(), null);
      } else {
        event(state, "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS", null);
        final boolean clean = execution.cleanup();
        state.status("UPDATE_COMPLETE");
        // CloudFormation's reason when cleanup could not delete everything (§2c).
        event(
            state,
            state.status(),
            clean ? null : "Update successful. One or more resources could not be deleted.");
      }
      failed = List.of();
    } else {
      failed = execution.failed();
      fail(plan, run, execution, before, rollback);
    }
    return outcome(state, start, run, failed);
  }

  /** The state of a failed deploy: rolled back, or kept as it is with --no-rollback. */
  private void fail(
      final Plan plan,
      final StackRun run,
      final Execution execution,
      final StackState before,
      final boolean rollback) {
    final StackState state = plan.state();
    final boolean creating = plan.creating();
    final String reason = reason(execution);
    if (!rollback) {
      // stack-failure-options.md: what failed stays failed; what succeeded stays.
      state.status(creating ? "CREATE_FAILED" : "UPDATE_FAILED");
      event(state, state.status(), reason);
      for (final Execution.Step step : execution.journal()) {
        if (step.kind != Execution.Step.Kind.UPDATE
            && step.outcome != ResourceOperation.Outcome.SUCCEEDED
            && step.after.identified()) {
          state.leftovers().add(new StackState.Leftover(step.logicalId, step.after));
        }
      }
      return;
    }
    final Rollback undo = new Rollback(run, state, before, execution.journal(), plan.stackTags());
    if (creating) {
      // The reason CloudFormation gives (docs/sources/cloudformation.md §3b).
      event(state, "ROLLBACK_IN_PROGRESS", reason + " Rollback requested by user.");
      state.status(undo.create() ? "ROLLBACK_COMPLETE" : "ROLLBACK_FAILED");
    } else {
      event(state, "UPDATE_ROLLBACK_IN_PROGRESS", reason);
      state.status(undo.update() ? "UPDATE_ROLLBACK_COMPLETE" : "UPDATE_ROLLBACK_FAILED");
    }
    event(state, state.status(), null);
  }

  /** "The following resource(s) failed to create: [X]." (§2a, §3b), or the stack's own reason. */
  private static String reason(final Execution execution) {
    if (execution.failed().isEmpty()) {
      return execution.failure();
    }
    final boolean creates =
        execution.journal().stream()
            .filter(step -> execution.failed().contains(step.logicalId))
            .allMatch(step -> step.kind == Execution.Step.Kind.CREATE);
    return "The following resource(s) failed to "
        + (creates ? "create" : "update")
        + ": "
        + execution.failed()
        + ".";
  }

  /** Deletes every resource of the stack, dependents first; DeletionPolicy Retain keeps one. */
  public Outcome delete(final StackState state) {
    final Instant start = timeline.now();
    final StackRun run = new StackRun(invoker, timeline, events, workers);
    if (!state.exists()) {
      events.line("Stack " + state.stackName() + " does not exist on " + state.target());
      return new Outcome("DELETE_COMPLETE", true, Duration.ZERO, 0, 0, List.of());
    }
    event(state, "DELETE_IN_PROGRESS", "User Initiated");
    final List<Deletions.Item> items = new ArrayList<>(leftoverItems(state));
    state
        .resources()
        .forEach(
            (logicalId, resource) ->
                items.add(new Deletions.Item(logicalId, resource, Deletions.Why.STACK_DELETE)));
    final Deletions.Result result = new Deletions(run, state.stackTags()).delete(items);
    state.resources().clear();
    state.leftovers().clear();
    for (final Deletions.Item item : result.remaining()) {
      if (item.why() == Deletions.Why.LEFTOVER) {
        state.leftovers().add(new StackState.Leftover(item.logicalId(), item.resource()));
      } else {
        state.resources().put(item.logicalId(), item.resource());
      }
    }
    final String status;
    if (result.succeeded()) {
      status = "DELETE_COMPLETE";
      event(state, status, null);
      state.status(null);
      state.outputs().clear();
      state.exports().clear();
    } else {
      status = "DELETE_FAILED";
      state.status(status);
      // CloudFormation's stack reason (the cascade texts tools filter for).
      event(state, status, "The following resource(s) failed to delete: " + result.failed() + ".");
    }
    return new Outcome(
        status,
        result.succeeded(),
        Duration.between(start, timeline.now()),
        run.operations(),
        run.invocations(),
        result.failed());
  }

  /** What earlier failures left: deleted first (stack-failure-options.md). */
  private void deleteLeftovers(final StackRun run, final StackState state) {
    if (state.leftovers().isEmpty()) {
      return;
    }
    final Deletions.Result result =
        new Deletions(run, state.stackTags()).delete(leftoverItems(state));
    state.leftovers().clear();
    result
        .remaining()
        .forEach(
            item ->
                state.leftovers().add(new StackState.Leftover(item.logicalId(), item.resource())));
  }

  private static List<Deletions.Item> leftoverItems(final StackState state) {
    return state.leftovers().stream()
        .map(l -> new Deletions.Item(l.logicalId(), l.resource(), Deletions.Why.LEFTOVER))
        .toList();
  }

  /** True when the plan changes nothing: no resource, output, parameter or tag. */
  private static boolean unchanged(final Plan plan) {
    final StackState state = plan.state();
    if (plan.changes().stream().anyMatch(c -> c.action() != Plan.Action.NONE)
        || !plan.stackTags().equals(state.stackTags())
        || !plan.context().parameters().equals(state.parameters())) {
      return false;
    }
    final Map<String, String> outputs;
    try {
      outputs = plan.context().outputs(state.liveValues());
    } catch (final TemplateException e) {
      return false;
    }
    return outputs.equals(state.outputs());
  }

  private void event(final StackState state, final String status, final String reason) {
    events.stack(state.stackName(), status, reason);
  }

  private Outcome outcome(
      final StackState state, final Instant start, final StackRun run, final List<String> failed) {
    return new Outcome(
        state.status(),
        state.status().endsWith("_COMPLETE") && !state.status().contains("ROLLBACK"),
        Duration.between(start, timeline.now()),
        run.operations(),
        run.invocations(),
        failed);
  }
}
