package com.org.sagemaker.runner.state;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a stack's status allows, decided in one place for every command that asks: whether it can be
 * updated (deploy, and plan, which refuses what deploy would), and which resources
 * continue-rollback may skip.
 */
public final class StackStatuses {

  /**
   * The reason the runner gives a resource that continue-rollback skips. CloudFormation's own text
   * for that event is not established; the statuses are (API
   * ContinueUpdateRollback.ResourcesToSkip: "CloudFormation sets the status of the specified
   * resources to UPDATE_COMPLETE").
   */
  public static final String SKIPPED =
      "Skipped by continue-rollback --resources-to-skip: recorded as before the update, which the"
          + " resource may not be";

  private static final String CONTINUE =
      "Continue its rollback: studio-local continue-rollback, with --resources-to-skip naming"
          + " resources that cannot be rolled back (e.g. deleted outside the stack); or delete it:"
          + " studio-local delete.";

  private StackStatuses() {}

  /**
   * Fails with CloudFormation's ValidationError text when the stack's status allows no update:
   * after a failed create (ROLLBACK_COMPLETE: "only a delete operation can be performed";
   * ROLLBACK_FAILED), after a failed rollback of an update (UPDATE_ROLLBACK_FAILED: "you can delete
   * the stack or continue rollback"; user guide using-cfn-describing-stacks.md), and while an
   * operation is in progress (e.g. "Stack:arn:... is in CREATE_IN_PROGRESS state and can not be
   * updated.", a logged ValidationError, find_string index id 17047098752). Each message ends with
   * what to do with the runner.
   */
  public static void requireUpdatable(final StackState state) {
    final String status = state.status();
    final String next;
    if (status == null) {
      return;
    } else if ("ROLLBACK_COMPLETE".equals(status) || "ROLLBACK_FAILED".equals(status)) {
      next = "Delete it first: studio-local delete.";
    } else if ("UPDATE_ROLLBACK_FAILED".equals(status)) {
      next = CONTINUE;
    } else if (state.inProgress()) {
      next =
          "A run that did not finish left it so ("
              + (state.operation() == null ? "unknown" : state.operation().startedBy())
              + "); the next deploy or delete continues that operation first.";
    } else {
      return;
    }
    throw new IllegalStateException(
        "Stack:"
            + state.stackId()
            + " is in "
            + status
            + " state and can not be updated. ("
            + next
            + ")");
  }

  /**
   * The steps continue-rollback skips: each must be a resource whose Update back failed during the
   * rollback ("You can specify only resources that are in the UPDATE_FAILED state because a
   * rollback failed. You can't specify resources that are in the UPDATE_FAILED state for other
   * reasons", API ContinueUpdateRollback.ResourcesToSkip; user guide
   * using-cfn-updating-stacks-continueupdaterollback.md). CloudFormation's error texts for a stack
   * in another status or a resource that may not be skipped are not established; these say what the
   * API reference says.
   */
  public static List<Journal.Step> skippable(
      final StackState state, final List<String> resourcesToSkip) {
    if (!"UPDATE_ROLLBACK_FAILED".equals(state.status())) {
      throw new IllegalStateException(
          "Stack "
              + state.stackName()
              + " is "
              + (state.exists() ? "in " + state.status() + " state" : "not deployed")
              + ": only a stack in UPDATE_ROLLBACK_FAILED state can continue its rollback.");
    }
    if (state.operation() == null) {
      throw new IllegalStateException(
          "Stack "
              + state.stackName()
              + " records no failed rollback to continue (its state was written by an older"
              + " studio-local): delete it with studio-local delete.");
    }
    final List<Journal.Step> skipped = new ArrayList<>();
    final Set<String> refused = new LinkedHashSet<>();
    for (final String logicalId : new LinkedHashSet<>(resourcesToSkip)) {
      final Optional<Journal.Step> failedBack =
          state.operation().steps().stream()
              .filter(s -> s.logicalId().equals(logicalId))
              .filter(s -> s.undo() == Journal.Undo.FAILED)
              .findFirst();
      if (failedBack.isPresent()) {
        skipped.add(failedBack.get());
      } else {
        refused.add(logicalId);
      }
    }
    if (!refused.isEmpty()) {
      throw new IllegalStateException(
          "--resources-to-skip "
              + refused
              + ": only resources that failed to update during the rollback (UPDATE_FAILED"
              + " because a rollback failed) can be skipped"
              + failedBack(state)
              + ". Nothing was done.");
    }
    return skipped;
  }

  private static String failedBack(final StackState state) {
    final List<String> failed =
        state.operation().steps().stream()
            .filter(s -> s.undo() == Journal.Undo.FAILED)
            .map(Journal.Step::logicalId)
            .toList();
    return failed.isEmpty() ? "" : "; here: " + failed;
  }
}
