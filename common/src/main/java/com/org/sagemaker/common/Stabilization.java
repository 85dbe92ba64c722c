package com.org.sagemaker.common;

import java.time.Duration;
import java.util.Set;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.StdCallbackContext;

/**
 * Decides, from one Describe result, whether a SageMaker transition has finished, is still running,
 * or has failed. Domain, user-profile and space statuses share one vocabulary.
 */
public final class Stabilization {

  public static final String PENDING = "Pending";
  public static final String IN_SERVICE = "InService";
  public static final String DELETING = "Deleting";
  public static final String FAILED = "Failed";
  public static final String UPDATE_FAILED = "Update_Failed";
  public static final String DELETE_FAILED = "Delete_Failed";

  private static final String CHECKS = ".checks";
  private static final Set<String> FAILURES = Set.of(FAILED, UPDATE_FAILED, DELETE_FAILED);
  private static final Set<String> BUSY = Set.of(PENDING, "Updating");

  private Stabilization() {}

  /** Whether a create or update is under way (Pending, Updating). */
  public static boolean isBusy(final String status) {
    return BUSY.contains(status);
  }

  /**
   * True when {@code status} is {@code target}; false while the transition is still running.
   *
   * @param callGraph names the wait; its checks are counted in the context (the runtime's own
   *     attempt counter is keyed by a hash of the request, so it cannot be looked up)
   * @throws HandlerFailure NotStabilized when SageMaker reports a failed transition (with its
   *     FailureReason) or the operation's time budget ({@link Backoff#timeout}, from the
   *     operation's start) is used up (with the last status)
   */
  public static <C extends StdCallbackContext & OperationTimer> boolean reached(
      final String resource,
      final String status,
      final String failureReason,
      final String target,
      final Backoff backoff,
      final C context,
      final String callGraph) {
    recordCheck(backoff, context, callGraph);
    if (target.equals(status)) {
      return true;
    }
    if (FAILURES.contains(status)) {
      throw new HandlerFailure(
          HandlerErrorCode.NotStabilized,
          String.format("%s is %s: %s", resource, status, reasonOrNone(failureReason)));
    }
    requireBudgetLeft(resource, status, target, backoff, context);
    return false;
  }

  /**
   * Before an update: true once SageMaker accepts an Update call, i.e. InService or Update_Failed
   * ("Call the UpdateDomain API after fixing the error mentioned in FailureReason", developer
   * guide, sm-domain.html, likewise for user profiles), so a failed update never blocks the next
   * one or CloudFormation's rollback; false while Pending or Updating.
   *
   * @throws HandlerFailure NotStabilized for Failed ("Delete the failed Domain and recreate") and
   *     Delete_Failed ("you cannot use or update"), NotFound while Deleting, or when the budget is
   *     used up
   */
  public static <C extends StdCallbackContext & OperationTimer> boolean readyForUpdate(
      final String resource,
      final String status,
      final String failureReason,
      final Backoff backoff,
      final C context,
      final String callGraph) {
    recordCheck(backoff, context, callGraph);
    if (IN_SERVICE.equals(status) || UPDATE_FAILED.equals(status)) {
      return true;
    }
    if (FAILED.equals(status)) {
      throw new HandlerFailure(
          HandlerErrorCode.NotStabilized,
          String.format(
              "%s is Failed (%s): SageMaker cannot update a resource whose creation failed. Remove"
                  + " it from the template and update the stack to delete it, then add it back.",
              resource, reasonOrNone(failureReason)));
    }
    if (DELETE_FAILED.equals(status)) {
      throw new HandlerFailure(
          HandlerErrorCode.NotStabilized,
          String.format(
              "%s is Delete_Failed (%s): SageMaker cannot update it. Fix the cause, then remove it"
                  + " from the template so that it is deleted again.",
              resource, reasonOrNone(failureReason)));
    }
    if (DELETING.equals(status)) {
      throw new HandlerFailure(HandlerErrorCode.NotFound, resource + " is being deleted.");
    }
    requireBudgetLeft(resource, status, "it to be ready for an update", backoff, context);
    return false;
  }

  /**
   * Before a delete: true unless the resource is still Pending or Updating. A delete is accepted
   * from InService, Failed, Update_Failed and Delete_Failed (developer guide, sm-domain.html); one
   * that comes while a create or update is under way, e.g. CloudFormation's rollback of a create it
   * cancelled, waits for that to end first (whether SageMaker refuses it then is not established).
   *
   * @throws HandlerFailure NotStabilized when the budget is used up
   */
  public static <C extends StdCallbackContext & OperationTimer> boolean readyForDelete(
      final String resource,
      final String status,
      final Backoff backoff,
      final C context,
      final String callGraph) {
    recordCheck(backoff, context, callGraph);
    if (!isBusy(status)) {
      return true;
    }
    requireBudgetLeft(resource, status, "it to be ready for deletion", backoff, context);
    return false;
  }

  /**
   * True for the first check of a wait that starts in the invocation that called SageMaker to begin
   * the transition (create, update, delete): it cannot have finished yet, so the check is counted
   * without describing anything, and the first look comes after the backoff's first delay.
   */
  public static boolean justCalled(final StdCallbackContext context, final String callGraph) {
    if (checks(context, callGraph) > 0) {
      return false;
    }
    countCheck(context, callGraph);
    return true;
  }

  /**
   * For a wait outside a call chain (e.g. for apps to be deleted): counts the check and returns the
   * callback delay in seconds before the next one.
   *
   * @throws HandlerFailure NotStabilized naming {@code what} and its status once the backoff's time
   *     budget is spent
   */
  public static <C extends StdCallbackContext & OperationTimer> int nextWaitSeconds(
      final String what,
      final String status,
      final String awaited,
      final Backoff backoff,
      final C context,
      final String name) {
    final int checks = recordCheck(backoff, context, name);
    requireBudgetLeft(what, status, awaited, backoff, context);
    return (int) backoff.nextDelay(checks).toSeconds();
  }

  /**
   * Counts a check of the wait {@code callGraph} and adds the delay CloudFormation waited before it
   * (after the previous check) to the operation's waiting time; returns the count.
   */
  private static <C extends StdCallbackContext & OperationTimer> int recordCheck(
      final Backoff backoff, final C context, final String callGraph) {
    final int checks = countCheck(context, callGraph);
    if (checks > 1) {
      context.setWaitedSeconds(
          context.getWaitedSeconds() + backoff.nextDelay(checks - 1).toSeconds());
    }
    return checks;
  }

  /** Fails once the operation, from its start, has used up its budget ({@link Backoff#timeout}). */
  private static void requireBudgetLeft(
      final String resource,
      final String status,
      final String awaited,
      final Backoff backoff,
      final OperationTimer timer) {
    final Duration elapsed = OperationTimer.elapsed(timer);
    if (elapsed.compareTo(backoff.timeout()) >= 0) {
      throw new HandlerFailure(
          HandlerErrorCode.NotStabilized,
          String.format(
              "%s is still %s after %d minutes of waiting for %s",
              resource, status, elapsed.toMinutes(), awaited));
    }
  }

  /** Counts this check in the context, which travels between invocations; returns the count. */
  static int countCheck(final StdCallbackContext context, final String callGraph) {
    final int count = checks(context, callGraph) + 1;
    context.attempts(callGraph + CHECKS, count);
    return count;
  }

  private static int checks(final StdCallbackContext context, final String callGraph) {
    final String key = callGraph + CHECKS;
    return context.callGraphs().containsKey(key + ".attempts") ? context.attempts(key) : 0;
  }

  private static String reasonOrNone(final String failureReason) {
    return failureReason == null ? "SageMaker gave no FailureReason" : failureReason;
  }

  /**
   * While a resource is being deleted: false until Describe stops finding it (the caller checks
   * that), a failure for Delete_Failed, and the same time budget as {@link #reached}.
   */
  public static <C extends StdCallbackContext & OperationTimer> boolean gone(
      final String resource,
      final String status,
      final String failureReason,
      final Backoff backoff,
      final C context,
      final String callGraph) {
    recordCheck(backoff, context, callGraph);
    if (DELETE_FAILED.equals(status)) {
      throw new HandlerFailure(
          HandlerErrorCode.NotStabilized,
          String.format("%s is %s: %s", resource, status, reasonOrNone(failureReason)));
    }
    requireBudgetLeft(resource, status, "deletion", backoff, context);
    return false;
  }
}
