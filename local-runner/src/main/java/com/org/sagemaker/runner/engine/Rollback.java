package com.org.sagemaker.runner.engine;

import com.org.sagemaker.runner.standins.StandIns;
import com.org.sagemaker.runner.state.ResourceState;
import com.org.sagemaker.runner.state.StackState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Undoes a failed stack operation from what its {@link Execution} did (its journal), as
 * CloudFormation does (docs/sources/cloudformation.md §2, §3):
 *
 * <ul>
 *   <li>A failed create (ROLLBACK_IN_PROGRESS): every resource it created or began to create is
 *       deleted, dependents first; one whose create never returned an identifier is reported
 *       deleted with no call. ROLLBACK_COMPLETE, or ROLLBACK_FAILED if a delete fails.
 *   <li>A failed update (UPDATE_ROLLBACK_IN_PROGRESS): every resource the update changed in place,
 *       the failed one and the cancelled ones included, gets an Update back to its previous
 *       properties (the request's rollback flag set); then, in
 *       UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS, what the update created (new resources and
 *       the new copies of replaced ones) is deleted. UPDATE_ROLLBACK_COMPLETE, or
 *       UPDATE_ROLLBACK_FAILED if an Update back fails.
 * </ul>
 */
final class Rollback {

  private final StackRun run;
  private final StackState state;
  private final StackState before;
  private final List<Execution.Step> journal;
  private final Map<String, String> tags;

  /**
   * @param before the state as it was before the operation (restored where the rollback succeeds)
   * @param tags the stack tags the failed operation sent
   */
  Rollback(
      final StackRun run,
      final StackState state,
      final StackState before,
      final List<Execution.Step> journal,
      final Map<String, String> tags) {
    this.run = run;
    this.state = state;
    this.before = before;
    this.journal = journal;
    this.tags = Map.copyOf(tags);
  }

  /** Deletes what a failed create made; true when the stack is back to nothing. */
  boolean create() {
    final List<Deletions.Item> items = new ArrayList<>();
    for (final Execution.Step step : journal) {
      items.add(new Deletions.Item(step.logicalId, step.after, Deletions.Why.ROLLBACK));
    }
    final Deletions.Result result = new Deletions(run, tags).delete(items);
    state.resources().clear();
    result.remaining().forEach(item -> state.resources().put(item.logicalId(), item.resource()));
    state.outputs().clear();
    state.exports().clear();
    return result.succeeded();
  }

  /**
   * Updates back what the failed update changed, then deletes what it created; true when the stack
   * is back where it was.
   */
  boolean update() {
    final List<Execution.Step> updates =
        journal.stream().filter(s -> s.kind == Execution.Step.Kind.UPDATE).toList();
    final Set<String> failedBack = updateBack(updates);
    final List<Deletions.Item> created = new ArrayList<>();
    for (final Execution.Step step : journal) {
      if (step.kind != Execution.Step.Kind.UPDATE) {
        created.add(new Deletions.Item(step.logicalId, step.after, Deletions.Why.ROLLBACK));
      }
    }
    final Map<String, ResourceState> restored = new LinkedHashMap<>(before.resources());
    for (final Execution.Step step : updates) {
      if (failedBack.contains(step.logicalId)) {
        restored.put(step.logicalId, step.after);
      } else if (!step.before.standIn()) {
        restored.put(step.logicalId, state.resources().getOrDefault(step.logicalId, step.before));
      }
    }
    state.resources(restored);
    state.outputs(before.outputs());
    state.exports(before.exports());
    state.parameters(before.parameters());
    state.stackTags(before.stackTags());
    if (!failedBack.isEmpty()) {
      // The stack cannot be updated in this status (user guide): what the update created stays
      // for the next operation to delete.
      created.forEach(
          item ->
              state.leftovers().add(new StackState.Leftover(item.logicalId(), item.resource())));
      return false;
    }
    run.events.stack(state.stackName(), "UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS", null);
    final Deletions.Result result = new Deletions(run, before.stackTags()).delete(created);
    result
        .remaining()
        .forEach(
            item ->
                state.leftovers().add(new StackState.Leftover(item.logicalId(), item.resource())));
    return true;
  }

  /**
   * Update calls with the previous properties, dependencies first; stand-ins go back by themselves.
   * The logical ids whose Update back failed.
   */
  private Set<String> updateBack(final List<Execution.Step> updates) {
    try (Scheduler scheduler = run.scheduler()) {
      final UpdatesBack batch = new UpdatesBack(scheduler, updates);
      batch.startReady();
      scheduler.run();
      return batch.failed;
    }
  }

  /** The Updates back of one rollback: those still waiting, and those that failed. */
  private final class UpdatesBack {
    private final Scheduler scheduler;
    private final Set<String> waiting = new LinkedHashSet<>();
    private final Map<String, Execution.Step> steps = new LinkedHashMap<>();
    private final Set<String> failed = new LinkedHashSet<>();

    UpdatesBack(final Scheduler scheduler, final List<Execution.Step> updates) {
      this.scheduler = scheduler;
      updates.forEach(step -> waiting.add(step.logicalId));
      updates.forEach(step -> steps.put(step.logicalId, step));
    }

    /** Starts every waiting Update back whose dependencies are back. */
    void startReady() {
      for (final String logicalId : List.copyOf(waiting)) {
        final Execution.Step step = steps.get(logicalId);
        if (waiting.contains(logicalId) && !dependsOnWaiting(step, waiting)) {
          waiting.remove(logicalId);
          start(logicalId, step);
        }
      }
    }

    private void start(final String logicalId, final Execution.Step step) {
      if (step.before.standIn()) {
        run.events.event(logicalId, step.before.type(), "UPDATE_COMPLETE", StandIns.NOT_DEPLOYED);
        return;
      }
      final ResourceState current = state.resources().getOrDefault(logicalId, step.after);
      final HandlerInvoker.Request request =
          new HandlerInvoker.Request(
              "UPDATE",
              step.before.type(),
              logicalId,
              step.before.withIdentifier(step.before.properties()),
              step.before.withIdentifier(step.after.properties()),
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
            if (ended.outcome() == ResourceOperation.Outcome.SUCCEEDED) {
              state
                  .resources()
                  .put(logicalId, step.before.withModel(step.before.properties(), ended.model()));
            } else {
              failed.add(logicalId);
              state.resources().put(logicalId, current);
            }
            startReady();
          });
    }
  }

  /** An Update back waits for those of the resources it depended on before the update. */
  private static boolean dependsOnWaiting(final Execution.Step step, final Set<String> waiting) {
    return step.before.dependsOn().stream().anyMatch(waiting::contains);
  }
}
