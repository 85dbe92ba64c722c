package com.org.sagemaker.common;

import java.util.Set;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.StdCallbackContext;

/**
 * Decides, from one Describe result, whether a SageMaker transition has finished, is still running,
 * or has failed. Domain, user-profile and space statuses share one vocabulary.
 */
public final class Stabilization {

  public static final String IN_SERVICE = "InService";
  public static final String DELETING = "Deleting";

  private static final String DELETE_FAILED = "Delete_Failed";
  private static final String CHECKS = ".checks";
  private static final Set<String> FAILED = Set.of("Failed", "Update_Failed", DELETE_FAILED);

  private Stabilization() {}

  /**
   * True when {@code status} is {@code target}; false while the transition is still running.
   *
   * @param callGraph names the wait; its checks are counted in the context (the runtime's own
   *     attempt counter is keyed by a hash of the request, so it cannot be looked up)
   * @throws HandlerFailure NotStabilized when SageMaker reports a failed transition (with its
   *     FailureReason) or the backoff's time budget is used up (with the last status)
   */
  public static boolean reached(
      final String resource,
      final String status,
      final String failureReason,
      final String target,
      final Backoff backoff,
      final StdCallbackContext context,
      final String callGraph) {
    if (target.equals(status)) {
      return true;
    }
    if (FAILED.contains(status)) {
      throw new HandlerFailure(
          HandlerErrorCode.NotStabilized,
          String.format("%s is %s: %s", resource, status, reasonOrNone(failureReason)));
    }
    requireBudgetLeft(resource, status, target, backoff, context, callGraph);
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
  public static int nextWaitSeconds(
      final String what,
      final String status,
      final String awaited,
      final Backoff backoff,
      final StdCallbackContext context,
      final String name) {
    final int checks = requireBudgetLeft(what, status, awaited, backoff, context, name);
    return (int) backoff.nextDelay(checks).toSeconds();
  }

  /** Counts a check and returns the count; fails once the waits so far spent the budget. */
  private static int requireBudgetLeft(
      final String resource,
      final String status,
      final String awaited,
      final Backoff backoff,
      final StdCallbackContext context,
      final String callGraph) {
    final int checks = countCheck(context, callGraph);
    if (backoff.exhausted(checks - 1)) {
      throw new HandlerFailure(
          HandlerErrorCode.NotStabilized,
          String.format(
              "%s is still %s after %d minutes of waiting for %s",
              resource, status, backoff.waited(checks - 1).toMinutes(), awaited));
    }
    return checks;
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
  public static boolean gone(
      final String resource,
      final String status,
      final String failureReason,
      final Backoff backoff,
      final StdCallbackContext context,
      final String callGraph) {
    if (DELETE_FAILED.equals(status)) {
      throw new HandlerFailure(
          HandlerErrorCode.NotStabilized,
          String.format("%s is %s: %s", resource, status, reasonOrNone(failureReason)));
    }
    requireBudgetLeft(resource, status, "deletion", backoff, context, callGraph);
    return false;
  }
}
