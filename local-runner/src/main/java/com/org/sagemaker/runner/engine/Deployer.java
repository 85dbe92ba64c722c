package com.org.sagemaker.runner.engine;

import com.org.sagemaker.runner.changeset.Plan;
import com.org.sagemaker.runner.state.Journal;
import com.org.sagemaker.runner.state.StackState;
import com.org.sagemaker.runner.state.StackStatuses;
import com.org.sagemaker.runner.state.StateStore;
import com.org.sagemaker.runner.template.Template;
import com.org.sagemaker.runner.template.TemplateException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs stack operations the way CloudFormation is shaped: a {@link Plan} (the change set, from
 * template and state alone), an {@link Execution} of it, a {@link Rollback} derived from what was
 * executed, and the stack's status and events around them. Also the programmatic entry point, e.g.
 * for a benchmark: {@link Plan#of} then {@link #deploy}, and {@link #delete}, each answering an
 * {@link Outcome} with the SageMaker time it took.
 *
 * <p>Every status the stack passes through, and every handler operation, is recorded in its state
 * (its {@link Journal}) through a {@link StateStore} before the next call that depends on it. A
 * stack left in an {@code _IN_PROGRESS} status by a run that was killed is continued by {@link
 * #resume}: CloudFormation runs an operation to its end in the service once the call that started
 * it has returned ("After the call completes successfully, the stack creation starts", API
 * CreateStack; likewise UpdateStack and DeleteStack), so the runner, being client and service at
 * once, finishes the interrupted operation before it does anything else.
 */
public final class Deployer {

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
  private final StateStore store;
  private final String startedBy;

  /** A deployer whose stack state lives in memory only. */
  public Deployer(
      final HandlerInvoker invoker,
      final Timeline timeline,
      final StackEvents events,
      final int workers) {
    this(invoker, timeline, events, workers, StateStore.IN_MEMORY, "this process");
  }

  /**
   * @param workers how many handler invocations may run at once (1: in turn, deterministic whatever
   *     the handlers do; waits overlap either way)
   * @param store where the stack's state is made durable at every point
   * @param startedBy who runs the operations (pid, command), named if they are interrupted
   */
  public Deployer(
      final HandlerInvoker invoker,
      final Timeline timeline,
      final StackEvents events,
      final int workers,
      final StateStore store,
      final String startedBy) {
    this.invoker = invoker;
    this.timeline = timeline;
    this.events = events;
    this.workers = workers;
    this.store = store;
    this.startedBy = startedBy;
  }

  /** Creates the stack, or updates it to the plan; rolls back a failure unless told not to. */
  public Outcome deploy(final Plan plan, final boolean rollback) {
    return deploy(plan, rollback, null);
  }

  /**
   * As above; {@code source} (what the plan was made from) lets a run that is killed be continued
   * by the next one.
   */
  public Outcome deploy(final Plan plan, final boolean rollback, final Journal.Source source) {
    final StackState state = plan.state();
    StackStatuses.requireUpdatable(state);
    final Instant start = timeline.now();
    if (!plan.creating() && unchanged(plan)) {
      // What UpdateStack answers (a ValidationError, which deploy tools treat as success).
      events.line("No updates are to be performed.");
      return new Outcome(state.status(), true, Duration.ZERO, 0, 0, List.of());
    }
    final Journal.Kind kind = plan.creating() ? Journal.Kind.CREATE : Journal.Kind.UPDATE;
    final StackState before = state.copy();
    before.operation(null);
    state.operation(Journal.begin(kind, startedBy, source, plan.stackTags(), rollback, before));
    final StackRun run = run(state);
    status(run, state, kind + "_IN_PROGRESS", "User Initiated");
    return forward(plan, run, start);
  }

  /**
   * Continues the operation an interrupted run left the stack in (its status ends in {@code
   * _IN_PROGRESS}) from what its journal recorded, to the end CloudFormation would have reached.
   */
  public Outcome resume(final StackState state) {
    final Instant start = timeline.now();
    final Journal journal = state.operation();
    if (!state.inProgress() || journal == null) {
      throw new IllegalStateException(
          "Stack " + state.stackName() + " has no operation in progress to continue.");
    }
    events.line(
        "Stack "
            + state.stackName()
            + " is "
            + state.status()
            + ": a run that did not finish began it ("
            + journal.startedBy()
            + "). Continuing it from what that run recorded.");
    final StackRun run = run(state);
    switch (state.status()) {
      case "CREATE_IN_PROGRESS", "UPDATE_IN_PROGRESS" -> {
        return forward(planOf(state), run, start);
      }
      case "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS" -> {
        return cleanup(planOf(state), run, start);
      }
      case "ROLLBACK_IN_PROGRESS" -> rollBackCreate(run, state);
      case "UPDATE_ROLLBACK_IN_PROGRESS", "UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS" ->
          rollBackUpdate(run, state);
      case "DELETE_IN_PROGRESS" -> {
        return deleteAll(run, state, start);
      }
      default ->
          throw new IllegalStateException(
              "Stack " + state.stackName() + " is " + state.status() + ": nothing to continue.");
    }
    return outcome(state, start, run, List.of());
  }

  /**
   * {@code continue-rollback}: rolls back again, from UPDATE_ROLLBACK_FAILED, what the failed
   * rollback could not, skipping {@code resourcesToSkip} (marked UPDATE_COMPLETE and recorded as
   * before the update), then deletes what the update created (API ContinueUpdateRollback,
   * docs/sources/cloudformation.md §2d).
   */
  public Outcome continueRollback(final StackState state, final List<String> resourcesToSkip) {
    final Instant start = timeline.now();
    final List<Journal.Step> skipped = StackStatuses.skippable(state, resourcesToSkip);
    final StackRun run = run(state);
    status(run, state, "UPDATE_ROLLBACK_IN_PROGRESS", "User Initiated");
    for (final Journal.Step step : skipped) {
      step.undo(Journal.Undo.SKIPPED);
      events.event(
          step.logicalId(), step.before().type(), "UPDATE_COMPLETE", StackStatuses.SKIPPED);
    }
    rollBackUpdate(run, state);
    return outcome(state, start, run, List.of());
  }

  /** The execution and what follows it: completion, cleanup, or the failure and its rollback. */
  private Outcome forward(final Plan plan, final StackRun run, final Instant start) {
    final StackState state = plan.state();
    final boolean creating = state.operation().kind() == Journal.Kind.CREATE;
    deleteLeftovers(run, state);
    final Execution execution = new Execution(plan, run);
    if (!execution.forward()) {
      fail(run, state, execution);
      return outcome(state, start, run, execution.failed());
    }
    state.parameters(plan.context().parameters());
    state.stackTags(plan.stackTags());
    if (creating) {
      finish(run, state, "CREATE_COMPLETE", null);
      return outcome(state, start, run, List.of());
    }
    status(run, state, "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS", null);
    return cleanup(plan, run, start);
  }

  /** After a successful update: what it replaced or removed is deleted; UPDATE_COMPLETE. */
  private Outcome cleanup(final Plan plan, final StackRun run, final Instant start) {
    final StackState state = plan.state();
    final boolean clean = new Execution(plan, run).cleanup();
    // CloudFormation's reason when cleanup could not delete everything (§2c).
    finish(
        run,
        state,
        "UPDATE_COMPLETE",
        clean ? null : "Update successful. One or more resources could not be deleted.");
    return outcome(state, start, run, List.of());
  }

  /** The state of a failed deploy: rolled back, or kept as it is with --no-rollback. */
  private void fail(final StackRun run, final StackState state, final Execution execution) {
    final Journal journal = state.operation();
    final boolean creating = journal.kind() == Journal.Kind.CREATE;
    final String reason = reason(execution, journal);
    if (!journal.rollback()) {
      // stack-failure-options.md: what failed stays failed; what succeeded stays.
      for (final Journal.Step step : journal.steps()) {
        if (step.kind() != Journal.Step.Kind.UPDATE
            && step.outcome() != Journal.Outcome.SUCCEEDED
            && step.after().identified()) {
          state.leftovers().add(new StackState.Leftover(step.logicalId(), step.after()));
        }
      }
      finish(run, state, creating ? "CREATE_FAILED" : "UPDATE_FAILED", reason);
      return;
    }
    if (creating) {
      // The reason CloudFormation gives (docs/sources/cloudformation.md §3b).
      status(run, state, "ROLLBACK_IN_PROGRESS", reason + " Rollback requested by user.");
      rollBackCreate(run, state);
    } else {
      status(run, state, "UPDATE_ROLLBACK_IN_PROGRESS", reason);
      rollBackUpdate(run, state);
    }
  }

  private void rollBackCreate(final StackRun run, final StackState state) {
    final boolean back = new Rollback(run, state).create();
    finish(run, state, back ? "ROLLBACK_COMPLETE" : "ROLLBACK_FAILED", null);
  }

  /**
   * An update's rollback; the journal stays after UPDATE_ROLLBACK_FAILED, for continue-rollback.
   */
  private void rollBackUpdate(final StackRun run, final StackState state) {
    if (new Rollback(run, state).update()) {
      finish(run, state, "UPDATE_ROLLBACK_COMPLETE", null);
    } else {
      state.status("UPDATE_ROLLBACK_FAILED");
      events.stack(state.stackName(), state.status(), null);
      run.save("stack " + state.status());
    }
  }

  /** "The following resource(s) failed to create: [X]." (§2a, §3b), or the stack's own reason. */
  private static String reason(final Execution execution, final Journal journal) {
    if (execution.failed().isEmpty()) {
      return execution.failure();
    }
    final boolean creates =
        journal.steps().stream()
            .filter(step -> execution.failed().contains(step.logicalId()))
            .allMatch(step -> step.kind() == Journal.Step.Kind.CREATE);
    return "The following resource(s) failed to "
        + (creates ? "create" : "update")
        + ": "
        + execution.failed()
        + ".";
  }

  /** Deletes every resource of the stack, dependents first; DeletionPolicy Retain keeps one. */
  public Outcome delete(final StackState state) {
    final Instant start = timeline.now();
    final StackRun run = run(state);
    if (!state.exists()) {
      events.line("Stack " + state.stackName() + " does not exist on " + state.target());
      return new Outcome("DELETE_COMPLETE", true, Duration.ZERO, 0, 0, List.of());
    }
    state.operation(
        Journal.begin(Journal.Kind.DELETE, startedBy, null, state.stackTags(), true, null));
    status(run, state, "DELETE_IN_PROGRESS", "User Initiated");
    return deleteAll(run, state, start);
  }

  private Outcome deleteAll(final StackRun run, final StackState state, final Instant start) {
    final List<Deletions.Item> items = new ArrayList<>(leftoverItems(state));
    state
        .resources()
        .forEach(
            (logicalId, resource) ->
                items.add(new Deletions.Item(logicalId, resource, Deletions.Why.STACK_DELETE)));
    final Deletions.Result result =
        new Deletions(run, state.stackTags()).delete(items, gone -> forget(state, gone));
    if (result.succeeded()) {
      state.outputs().clear();
      state.exports().clear();
      state.operation(null);
      events.stack(state.stackName(), "DELETE_COMPLETE", null);
      // A deleted stack no longer exists: its state file goes.
      state.status(null);
      run.save("stack DELETE_COMPLETE");
    } else {
      // CloudFormation's stack reason (the cascade texts tools filter for).
      finish(
          run,
          state,
          "DELETE_FAILED",
          "The following resource(s) failed to delete: " + result.failed() + ".");
    }
    return new Outcome(
        result.succeeded() ? "DELETE_COMPLETE" : "DELETE_FAILED",
        result.succeeded(),
        Duration.between(start, timeline.now()),
        run.operations(),
        run.invocations(),
        result.failed());
  }

  /** What earlier failures left: deleted first (stack-failure-options.md). */
  private void deleteLeftovers(final StackRun run, final StackState state) {
    if (!state.leftovers().isEmpty()) {
      new Deletions(run, state.stackTags())
          .delete(leftoverItems(state), gone -> forget(state, gone));
    }
  }

  /** Drops a deleted (or kept) resource from the stack's record. */
  private static void forget(final StackState state, final Deletions.Item gone) {
    if (gone.why() == Deletions.Why.LEFTOVER) {
      state.leftovers().remove(new StackState.Leftover(gone.logicalId(), gone.resource()));
    } else {
      state.resources().remove(gone.logicalId());
    }
  }

  private static List<Deletions.Item> leftoverItems(final StackState state) {
    return state.leftovers().stream()
        .map(l -> new Deletions.Item(l.logicalId(), l.resource(), Deletions.Why.LEFTOVER))
        .toList();
  }

  /** The plan of the deploy the journal records, evaluated again on the state as it now is. */
  private static Plan planOf(final StackState state) {
    final Journal.Source source = state.operation().source();
    if (source == null) {
      throw new IllegalStateException(
          "Stack "
              + state.stackName()
              + " was left "
              + state.status()
              + " by a deploy that recorded no template, so it cannot be continued: delete it.");
    }
    return Plan.resuming(
        Template.parse(source.template(), source.templateName()),
        new Plan.Inputs(source.parameters(), source.imports(), source.stackTags()),
        state,
        source.where());
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

  private StackRun run(final StackState state) {
    return new StackRun(invoker, timeline, events, workers, state, store);
  }

  /** A status the stack passes through: printed, then recorded. */
  private void status(
      final StackRun run, final StackState state, final String status, final String reason) {
    state.status(status);
    events.stack(state.stackName(), status, reason);
    run.save("stack " + status);
  }

  /** A status the operation ends in: its journal is done with. */
  private void finish(
      final StackRun run, final StackState state, final String status, final String reason) {
    state.operation(null);
    status(run, state, status, reason);
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
