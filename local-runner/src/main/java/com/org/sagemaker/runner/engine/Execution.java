package com.org.sagemaker.runner.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.org.sagemaker.runner.changeset.Plan;
import com.org.sagemaker.runner.changeset.Planner;
import com.org.sagemaker.runner.standins.StandIns;
import com.org.sagemaker.runner.state.Journal;
import com.org.sagemaker.runner.state.ResourceState;
import com.org.sagemaker.runner.state.StackState;
import com.org.sagemaker.runner.template.StackContext;
import com.org.sagemaker.runner.template.Template;
import com.org.sagemaker.runner.template.TemplateException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Executes a {@link Plan}: each resource once everything it depends on is done, in parallel
 * otherwise. Its properties are resolved when it starts, with the values the resources before it
 * now have, and its change is decided again from them (a plan's "Dynamic" values are known by
 * then). A replacement creates the new resource first; the old one is deleted in the cleanup after
 * the stack update succeeded, with the resources that left the template (user guide,
 * using-cfn-updating-stacks-update-behaviors.md; docs/sources/cloudformation.md §1a). The first
 * failure stops the rest: nothing new starts, and what is in flight is cancelled ("Resource
 * creation cancelled", "Resource update cancelled", as CloudFormation prints for siblings).
 * Everything it began is in the stack's {@link Journal}, from which a {@link Rollback} is derived;
 * an execution an earlier run began goes on from its journal (see {@link #forward}).
 */
final class Execution {

  static final String CREATION_CANCELLED = "Resource creation cancelled";
  static final String UPDATE_CANCELLED = "Resource update cancelled";

  private final Plan plan;
  private final StackContext context;
  private final StackState state;
  private final StackRun run;
  private final Planner planner;
  private final Journal journal;
  private final Set<String> started = new LinkedHashSet<>();
  private final Set<String> done = new LinkedHashSet<>();
  private final Set<String> changing = new LinkedHashSet<>();
  private final List<String> failed = new ArrayList<>();
  private String failure;

  Execution(final Plan plan, final StackRun run) {
    this.plan = plan;
    this.context = plan.context();
    this.state = plan.state();
    this.run = run;
    this.planner = new Planner(context, state, plan.stackTags());
    this.journal = state.operation();
  }

  /**
   * Creates, updates and replaces what the template asks, then resolves the outputs; true when all
   * succeeded. The state holds each resource as it now is.
   *
   * <p>When the journal already has steps (an interrupted run's), what they finished is in the
   * state and is not done again (each resource's change is decided from the state); a step still
   * running is continued first, to its end; after a step that failed, nothing new starts.
   */
  boolean forward() {
    for (final Journal.Step step : journal.steps()) {
      if (step.outcome() == Journal.Outcome.FAILED) {
        failed.add(step.logicalId());
      }
    }
    try (Scheduler scheduler = run.scheduler()) {
      for (final Journal.Step step : List.copyOf(journal.steps())) {
        if (step.outcome() == Journal.Outcome.RUNNING) {
          started.add(step.logicalId());
          begin(scheduler, step.logicalId());
        }
      }
      startReady(scheduler);
      scheduler.run();
    }
    if (failed.isEmpty()) {
      try {
        final Map<String, String> outputs = context.outputs(live());
        state.exports(context.exports(outputs));
        state.outputs(outputs);
      } catch (final TemplateException e) {
        failure = e.getMessage();
      }
    }
    return failed.isEmpty() && failure == null;
  }

  /**
   * After a successful update: the old copies of replaced resources and the resources that left the
   * template are deleted (UPDATE_COMPLETE_CLEANUP_IN_PROGRESS); true when all went. A failure here
   * does not fail the update (docs/sources/cloudformation.md §2c).
   */
  boolean cleanup() {
    final List<Deletions.Item> items = new ArrayList<>();
    final List<String> removed = new ArrayList<>();
    state
        .resources()
        .forEach(
            (logicalId, resource) -> {
              if (!context.resources().containsKey(logicalId)) {
                removed.add(logicalId);
                items.add(new Deletions.Item(logicalId, resource, Deletions.Why.REMOVED));
              }
            });
    journal
        .replaced()
        .forEach(
            (logicalId, old) ->
                items.add(new Deletions.Item(logicalId, old, Deletions.Why.REPLACED)));
    final Deletions.Result result =
        new Deletions(run, plan.stackTags())
            .delete(
                items,
                gone -> {
                  if (gone.why() == Deletions.Why.REPLACED) {
                    journal.replaced().remove(gone.logicalId());
                  } else {
                    state.resources().remove(gone.logicalId());
                  }
                });
    // What could not be deleted leaves the stack's scope, as the update still succeeded.
    removed.forEach(state.resources()::remove);
    return result.succeeded();
  }

  /** The resources whose operation failed. */
  List<String> failed() {
    return List.copyOf(failed);
  }

  /** Why the stack failed when no resource did (e.g. an output that cannot be resolved). */
  String failure() {
    return failure;
  }

  private void startReady(final Scheduler scheduler) {
    for (final String logicalId : context.order()) {
      if (failed.isEmpty()
          && !started.contains(logicalId)
          && done.containsAll(context.dependencies().get(logicalId))) {
        started.add(logicalId);
        begin(scheduler, logicalId);
      }
    }
  }

  private void begin(final Scheduler scheduler, final String logicalId) {
    final Template.Resource resource = context.resources().get(logicalId);
    final ResourceState current = state.resources().get(logicalId);
    final JsonNode desired;
    final Plan.Change change;
    try {
      desired = context.properties(logicalId, live());
      change = planner.change(logicalId, desired, changing);
    } catch (final TemplateException e) {
      // An intrinsic that fails on the real values fails the resource, as CloudFormation reports
      // e.g. Fn::Select out of range (docs/sources/templates.md §3).
      run.events.event(
          logicalId,
          resource.type(),
          (current == null ? "CREATE" : "UPDATE") + "_FAILED",
          e.getMessage());
      fail(scheduler, logicalId);
      return;
    }
    final ResourceState after =
        ResourceState.of(resource, desired, null, context.dependencies().get(logicalId));
    switch (change.action()) {
      case NONE -> finish(scheduler, logicalId);
      case ADD -> {
        changing.add(logicalId);
        final Journal.Step step = step(logicalId, Journal.Step.Kind.CREATE, null, after);
        if (change.standIn()) {
          standIn(scheduler, step, "CREATE_COMPLETE");
        } else {
          operate(scheduler, step, "CREATE", "CREATE", desired, null, null);
        }
      }
      default -> {
        changing.add(logicalId);
        if (change.standIn()) {
          final Journal.Step.Kind kind =
              change.replaces() ? Journal.Step.Kind.REPLACE : Journal.Step.Kind.UPDATE;
          standIn(scheduler, step(logicalId, kind, current, after), "UPDATE_COMPLETE");
        } else if (!change.callsHandler()) {
          // Only DeletionPolicy or UpdateReplacePolicy changed: CloudFormation's own record.
          state.resources().put(logicalId, after.withModel(desired, current.model()));
          finish(scheduler, logicalId);
        } else if (change.replaces()) {
          operate(
              scheduler,
              step(logicalId, Journal.Step.Kind.REPLACE, current, after),
              "CREATE",
              "UPDATE",
              desired,
              null,
              ResourceOperation.REPLACING);
        } else {
          operate(
              scheduler,
              step(logicalId, Journal.Step.Kind.UPDATE, current, after),
              "UPDATE",
              "UPDATE",
              current.withIdentifier(desired),
              current.withIdentifier(current.properties()),
              null);
        }
      }
    }
  }

  /** The journal's step for the resource: the one an interrupted run left running, or a new one. */
  private Journal.Step step(
      final String logicalId,
      final Journal.Step.Kind kind,
      final ResourceState before,
      final ResourceState after) {
    return journal
        .running(logicalId)
        .orElseGet(
            () -> {
              final Journal.Step step = new Journal.Step(logicalId, kind, before, after);
              journal.steps().add(step);
              return step;
            });
  }

  /**
   * A stand-in made at once; a replacement gets a physical id of its own, the old one cleaned up.
   */
  private void standIn(final Scheduler scheduler, final Journal.Step step, final String status) {
    final ResourceState after = step.after();
    final boolean replacing = step.kind() == Journal.Step.Kind.REPLACE;
    if (replacing) {
      run.events.event(
          step.logicalId(), after.type(), "UPDATE_IN_PROGRESS", ResourceOperation.REPLACING);
      journal.replaced().put(step.logicalId(), step.before());
    }
    final JsonNode model =
        StandIns.model(
            after.type(),
            step.logicalId(),
            after.properties(),
            context.stack(),
            replacing ? step.before().physicalId() : null);
    step.after(after.withModel(after.properties(), model));
    step.outcome(Journal.Outcome.SUCCEEDED);
    state.resources().put(step.logicalId(), step.after());
    run.events.event(step.logicalId(), after.type(), status, StandIns.NOT_DEPLOYED);
    finish(scheduler, step.logicalId());
  }

  private void operate(
      final Scheduler scheduler,
      final Journal.Step step,
      final String action,
      final String verb,
      final JsonNode properties,
      final JsonNode previous,
      final String firstReason) {
    final HandlerInvoker.Request request =
        new HandlerInvoker.Request(
            action,
            step.after().type(),
            step.logicalId(),
            properties,
            previous,
            plan.stackTags(),
            "UPDATE".equals(action) ? state.stackTags() : null,
            null);
    final String cancelled = "CREATE".equals(verb) ? CREATION_CANCELLED : UPDATE_CANCELLED;
    run.start(
        scheduler,
        verb,
        request,
        firstReason,
        ended -> ended(scheduler, step, ended),
        () -> failed.isEmpty() ? null : cancelled);
  }

  private void ended(
      final Scheduler scheduler, final Journal.Step step, final ResourceOperation operation) {
    step.outcome(operation.outcome());
    step.after(step.after().withModel(step.after().properties(), operation.model()));
    if (step.outcome() == Journal.Outcome.SUCCEEDED) {
      state.resources().put(step.logicalId(), step.after());
      if (step.kind() == Journal.Step.Kind.REPLACE) {
        journal.replaced().put(step.logicalId(), step.before());
      }
      finish(scheduler, step.logicalId());
    } else if (step.outcome() == Journal.Outcome.FAILED) {
      fail(scheduler, step.logicalId());
    }
  }

  private void finish(final Scheduler scheduler, final String logicalId) {
    done.add(logicalId);
    startReady(scheduler);
  }

  /** The first failure stops the rest: what waits is cancelled, nothing new starts. */
  private void fail(final Scheduler scheduler, final String logicalId) {
    failed.add(logicalId);
    for (final Scheduler.Task task : scheduler.drain(t -> ((ResourceOperation) t).cancellable())) {
      final ResourceOperation operation = (ResourceOperation) task;
      operation.cancel("CREATE".equals(operation.verb) ? CREATION_CANCELLED : UPDATE_CANCELLED);
    }
  }

  private StackContext.ResourceValues live() {
    return state.liveValues();
  }
}
