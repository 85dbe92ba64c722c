package com.org.sagemaker.runner.engine;

import com.org.sagemaker.runner.standins.StandIns;
import com.org.sagemaker.runner.state.Journal;
import com.org.sagemaker.runner.state.ResourceState;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Deletes a set of resources as CloudFormation does: a resource after those that depend on it (user
 * guide, aws-attribute-dependson.md: "Resource A is deleted before resource B"), the rest in
 * parallel; its DeletionPolicy or UpdateReplacePolicy decides whether it is deleted or kept
 * (DELETE_SKIPPED, aws-attribute-deletionpolicy.md, aws-attribute-updatereplacepolicy.md); one
 * whose model never named it (a create that failed before it had an identifier) is simply reported
 * deleted, with no call (docs/sources/cloudformation.md §3b, §3c).
 */
final class Deletions {

  /** Why a resource is deleted: it decides which policy applies. */
  enum Why {
    /** The stack is deleted: DeletionPolicy. */
    STACK_DELETE,
    /** It left the template: DeletionPolicy. */
    REMOVED,
    /** The old copy of a replaced resource: UpdateReplacePolicy. */
    REPLACED,
    /**
     * Created by an operation that rolls back: Retain keeps it, RetainExceptOnCreate does not (API
     * CreateStack.RetainExceptOnCreate, default false).
     */
    ROLLBACK,
    /** Left by an earlier failure without a stable state: always deleted. */
    LEFTOVER
  }

  /** One resource to delete. */
  record Item(String logicalId, ResourceState resource, Why why) {}

  /** The items that were not deleted (failed, or waiting on one that failed). */
  record Result(List<Item> remaining, List<String> failed) {
    boolean succeeded() {
      return failed.isEmpty();
    }
  }

  private final StackRun run;
  private final Map<String, String> stackTags;

  Deletions(final StackRun run, final Map<String, String> stackTags) {
    this.run = run;
    this.stackTags = Map.copyOf(stackTags);
  }

  /**
   * Deletes the items. One that fails stays, and so does everything it depends on; the others go on
   * (each independent path to its end). {@code gone} hears of each item as soon as it is deleted or
   * kept, so that the caller's record drops it before the next save.
   */
  Result delete(final List<Item> items, final Consumer<Item> gone) {
    try (Scheduler scheduler = run.scheduler()) {
      final Batch batch = new Batch(scheduler, items, gone);
      batch.startReady();
      scheduler.run();
      final List<Item> remaining = new ArrayList<>(batch.failed);
      remaining.addAll(batch.waiting);
      return new Result(
          List.copyOf(remaining), batch.failed.stream().map(Item::logicalId).toList());
    }
  }

  /** The items of one {@link #delete}: waiting, running, failed. */
  private final class Batch {
    private final Scheduler scheduler;
    private final List<Item> waiting;
    private final Set<Item> running = new LinkedHashSet<>();
    private final List<Item> failed = new ArrayList<>();
    private final Consumer<Item> gone;

    Batch(final Scheduler scheduler, final List<Item> items, final Consumer<Item> gone) {
      this.scheduler = scheduler;
      this.waiting = new ArrayList<>(items);
      this.gone = gone;
    }

    void startReady() {
      for (final Item item : List.copyOf(waiting)) {
        if (waiting.contains(item) && !blocked(item)) {
          waiting.remove(item);
          start(item);
        }
      }
    }

    /** True while something that depends on {@code item} is not deleted. */
    private boolean blocked(final Item item) {
      final List<Item> present = new ArrayList<>(waiting);
      present.addAll(running);
      present.addAll(failed);
      return present.stream()
          .anyMatch(
              other -> other != item && other.resource().dependsOn().contains(item.logicalId()));
    }

    private void start(final Item item) {
      final ResourceState resource = item.resource();
      if (keeps(item)) {
        // No reason text on DELETE_SKIPPED in real events (docs/sources/cloudformation.md §4d).
        run.events.event(item.logicalId(), resource.type(), "DELETE_SKIPPED", null);
        gone.accept(item);
        startReady();
        return;
      }
      if (resource.standIn() || !resource.identified()) {
        run.events.event(
            item.logicalId(),
            resource.type(),
            "DELETE_COMPLETE",
            resource.standIn() ? StandIns.NOT_DEPLOYED : null);
        gone.accept(item);
        startReady();
        return;
      }
      final HandlerInvoker.Request request =
          new HandlerInvoker.Request(
              "DELETE",
              resource.type(),
              item.logicalId(),
              resource.withIdentifier(resource.properties()),
              null,
              stackTags,
              null,
              null,
              false,
              "Snapshot".equals(policy(item)));
      running.add(item);
      run.start(
          scheduler,
          "DELETE",
          request,
          null,
          ended -> {
            running.remove(item);
            if (ended.outcome() == Journal.Outcome.SUCCEEDED) {
              gone.accept(item);
            } else {
              failed.add(item);
            }
            startReady();
          });
    }
  }

  private static boolean keeps(final Item item) {
    final String policy = policy(item);
    return switch (item.why()) {
      case STACK_DELETE, REMOVED ->
          "Retain".equals(policy) || "RetainExceptOnCreate".equals(policy);
      case REPLACED, ROLLBACK -> "Retain".equals(policy);
      case LEFTOVER -> false;
    };
  }

  private static String policy(final Item item) {
    return item.why() == Why.REPLACED
        ? item.resource().updateReplacePolicy()
        : item.resource().deletionPolicy();
  }
}
