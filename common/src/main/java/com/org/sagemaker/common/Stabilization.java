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

  private static final Set<String> FAILED = Set.of("Failed", "Update_Failed", "Delete_Failed");

  private Stabilization() {}

  /**
   * True when {@code status} is {@code target}; false while the transition is still running.
   *
   * @param callGraph the call-chain name whose attempt count the runtime keeps in the context
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
          String.format(
              "%s is %s: %s",
              resource,
              status,
              failureReason == null ? "SageMaker gave no FailureReason" : failureReason));
    }
    if (backoff.exhausted(context.attempts(callGraph))) {
      throw new HandlerFailure(
          HandlerErrorCode.NotStabilized,
          String.format(
              "%s is still %s after %d minutes of waiting for %s",
              resource, status, backoff.waited(context.attempts(callGraph)).toMinutes(), target));
    }
    return false;
  }
}
