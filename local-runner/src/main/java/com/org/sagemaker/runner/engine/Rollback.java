package com.org.sagemaker.runner.engine;

import com.org.sagemaker.runner.standins.StandIns;
import com.org.sagemaker.runner.state.Journal;
import com.org.sagemaker.runner.state.ResourceState;
import com.org.sagemaker.runner.state.StackState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Undoes a failed stack operation from what its {@link Execution} did (the stack's {@link
 * Journal}), as CloudFormation does (docs/sources/cloudformation.md §2, §3):
 *
 * <ul>
 *   <li>A failed create (ROLLBACK_IN_PROGRESS): every resource it created or began to create is
 *       deleted, dependents first; one whose create never returned an identifier is reported
 *       deleted with no call. ROLLBACK_COMPLETE, or ROLLBACK_FAILED if a delete fails.
 *   <li>A failed update (UPDATE_ROLLBACK_IN_PROGRESS): every resource the update changed in place,
 *       the failed one and the cancelled ones included, gets an Update back to its previous
 *       properties (the request's rollback flag set), each after the Updates back of the resources
 *       it depends on have ended ("Resource B is updated before resource A", user guide,
 *       aws-attribute-dependson.md: an Update back is an update; AWS does not describe a rollback's
 *       order in other words); then, in UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS, what the
 *       update created (new resources and the new copies of replaced ones) is deleted.
 *       UPDATE_ROLLBACK_COMPLETE, or UPDATE_ROLLBACK_FAILED if an Update back fails; then
 *       continue-rollback tries again the Updates back that did not succeed, skipping those it is
 *       told to (§2d).
 * </ul>
 *
 * <p>Each step's undoing is recorded in the journal as it ends, so an interrupted rollback goes on
 * with what is left.
 */
final class Rollback {

  private final StackRun run;
  private final StackState state;
  private final Journal journal;
  private final StackState before;
  private final Map<String, String> tags;

  /** The rollback of the operation the stack's journal records. */
  Rollback(final StackRun run, final StackState state) {
    this.run = run;
    this.state = state;
    this.journal = state.operation();
    this.before = journal.before();
    this.tags = Map.copyOf(journal.stackTags());
  }

  /** Deletes what a failed create made; true when the stack is back to nothing. */
  boolean create() {
    final List<Deletions.Item> items = new ArrayList<>();
    final Map<Deletions.Item, Journal.Step> steps = new LinkedHashMap<>();
    for (final Journal.Step step : journal.steps()) {
      if (step.undo() == null) {
        final Deletions.Item item =
            new Deletions.Item(step.logicalId(), step.after(), Deletions.Why.ROLLBACK);
        items.add(item);
        steps.put(item, step);
      }
    }
    final Deletions.Result result =
        new Deletions(run, tags)
            .delete(
                items,
                gone -> {
                  steps.get(gone).undo(Journal.Undo.DONE);
                  state.resources().remove(gone.logicalId());
                });
    state.resources().clear();
    result.remaining().forEach(item -> state.resources().put(item.logicalId(), item.resource()));
    state.outputs().clear();
    state.exports().clear();
    return result.succeeded();
  }

  /**
   * Updates back what the failed update changed (what is left of it: a continued rollback retries
   * what failed), then deletes what it created; true when the stack is back where it was.
   */
  boolean update() {
    final List<Journal.Step> updates =
        journal.steps().stream()
            .filter(s -> s.kind() == Journal.Step.Kind.UPDATE)
            .filter(s -> s.undo() == null || s.undo() == Journal.Undo.FAILED)
            .toList();
    final boolean allBack = updateBack(updates);
    state.resources(restored());
    state.outputs(before.outputs());
    state.exports(before.exports());
    state.parameters(before.parameters());
    state.stackTags(before.stackTags());
    if (!allBack) {
      // The stack cannot be updated in this status (user guide): what the update created is left
      // for the next operation, continue-rollback or delete, to delete.
      for (final Journal.Step step : created()) {
        step.undo(Journal.Undo.LEFT_OVER);
        state.leftovers().add(new StackState.Leftover(step.logicalId(), step.after()));
      }
      return false;
    }
    state.status("UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS");
    run.events.stack(state.stackName(), state.status(), null);
    run.save("stack " + state.status());
    final List<Deletions.Item> items = new ArrayList<>();
    final Map<Deletions.Item, Journal.Step> steps = new LinkedHashMap<>();
    for (final Journal.Step step : created()) {
      final Deletions.Item item =
          new Deletions.Item(step.logicalId(), step.after(), Deletions.Why.ROLLBACK);
      items.add(item);
      steps.put(item, step);
    }
    // What earlier failures left is deleted by this stack operation too (stack-failure-options.md).
    final List<StackState.Leftover> leftovers = List.copyOf(state.leftovers());
    for (final StackState.Leftover leftover : leftovers) {
      items.add(
          new Deletions.Item(leftover.logicalId(), leftover.resource(), Deletions.Why.LEFTOVER));
    }
    final Deletions.Result result =
        new Deletions(run, before.stackTags())
            .delete(
                items,
                gone -> {
                  if (steps.containsKey(gone)) {
                    steps.get(gone).undo(Journal.Undo.DONE);
                  } else {
                    state
                        .leftovers()
                        .remove(new StackState.Leftover(gone.logicalId(), gone.resource()));
                  }
                });
    for (final Deletions.Item item : result.remaining()) {
      if (steps.containsKey(item)) {
        steps.get(item).undo(Journal.Undo.LEFT_OVER);
        state.leftovers().add(new StackState.Leftover(item.logicalId(), item.resource()));
      }
    }
    return true;
  }

  /** What the update created and the rollback has not yet deleted. */
  private List<Journal.Step> created() {
    return journal.steps().stream()
        .filter(s -> s.kind() != Journal.Step.Kind.UPDATE && s.undo() == null)
        .toList();
  }

  /**
   * The stack's resources as the rollback leaves them: as before the update, except those whose
   * Update back has not succeeded, which are as the update left them.
   */
  private Map<String, ResourceState> restored() {
    final Map<String, ResourceState> restored = new LinkedHashMap<>(before.resources());
    for (final Journal.Step step : journal.steps()) {
      if (step.kind() != Journal.Step.Kind.UPDATE || step.before().standIn()) {
        continue;
      }
      final ResourceState now = state.resources().get(step.logicalId());
      if (step.undo() == Journal.Undo.DONE && now != null) {
        restored.put(step.logicalId(), now);
      } else if (step.undo() == Journal.Undo.SKIPPED) {
        restored.put(step.logicalId(), step.before());
      } else if (step.undo() != Journal.Undo.DONE) {
        restored.put(step.logicalId(), lastKnown(step));
      }
    }
    return restored;
  }

  /** A resource as its update left it, still named by the model it had if the update gave none. */
  private static ResourceState lastKnown(final Journal.Step step) {
    final ResourceState after = step.after();
    return after.model() != null
        ? after
        : after.withModel(after.properties(), step.before().model());
  }

  /** Update calls with the previous properties, dependencies first; true when all succeeded. */
  private boolean updateBack(final List<Journal.Step> updates) {
    try (Scheduler scheduler = run.scheduler()) {
      final UpdatesBack batch = new UpdatesBack(scheduler, updates);
      batch.startReady();
      scheduler.run();
      return batch.waiting.isEmpty() && batch.failed.isEmpty();
    }
  }

  /** The Updates back of one rollback: waiting, running, and those that failed. */
  private final class UpdatesBack {
    private final Scheduler scheduler;
    private final Map<String, Journal.Step> steps = new LinkedHashMap<>();
    private final Set<String> waiting = new LinkedHashSet<>();
    private final Set<String> running = new LinkedHashSet<>();
    private final Set<String> failed = new LinkedHashSet<>();

    UpdatesBack(final Scheduler scheduler, final List<Journal.Step> updates) {
      this.scheduler = scheduler;
      updates.forEach(step -> steps.put(step.logicalId(), step));
      waiting.addAll(steps.keySet());
    }

    /**
     * Starts every waiting Update back none of whose dependencies (as they were before the update)
     * is still waiting, running or failed.
     */
    void startReady() {
      for (final String logicalId : List.copyOf(waiting)) {
        final Journal.Step step = steps.get(logicalId);
        if (waiting.contains(logicalId)
            && step.before().dependsOn().stream().noneMatch(this::unfinished)) {
          waiting.remove(logicalId);
          start(logicalId, step);
        }
      }
    }

    private boolean unfinished(final String logicalId) {
      return waiting.contains(logicalId)
          || running.contains(logicalId)
          || failed.contains(logicalId);
    }

    private void start(final String logicalId, final Journal.Step step) {
      if (step.before().standIn()) {
        run.events.event(logicalId, step.before().type(), "UPDATE_COMPLETE", StandIns.NOT_DEPLOYED);
        step.undo(Journal.Undo.DONE);
        startReady();
        return;
      }
      running.add(logicalId);
      final HandlerInvoker.Request request =
          new HandlerInvoker.Request(
              "UPDATE",
              step.before().type(),
              logicalId,
              step.before().withIdentifier(step.before().properties()),
              step.before().withIdentifier(step.after().properties()),
              before.stackTags(),
              tags,
              null,
              true,
              false);
      run.start(
          scheduler,
          "UPDATE",
          request,
          null,
          ended -> {
            running.remove(logicalId);
            if (ended.outcome() == Journal.Outcome.SUCCEEDED) {
              step.undo(Journal.Undo.DONE);
              state
                  .resources()
                  .put(
                      logicalId,
                      step.before().withModel(step.before().properties(), ended.model()));
            } else {
              step.undo(Journal.Undo.FAILED);
              failed.add(logicalId);
            }
            startReady();
          });
    }
  }
}
