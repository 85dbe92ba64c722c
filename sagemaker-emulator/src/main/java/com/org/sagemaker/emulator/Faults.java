package com.org.sagemaker.emulator;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Faults to inject, per operation (e.g. "CreateDomain") or per transition ("Domain.Create",
 * "UserProfile.Delete", "App.Delete", ...). Thread-safe; tests set them while the server runs.
 */
public final class Faults {

  /** What happens to a transition instead of completing. */
  public enum Outcome {
    /** Ends in the failed status (Failed, Update_Failed, Delete_Failed) with a reason. */
    FAIL,
    /** Never completes. */
    HANG
  }

  private record TransitionFault(Outcome outcome, String reason) {}

  private final Map<String, Integer> throttles = new HashMap<>();
  private final Map<String, Integer> serverErrors = new HashMap<>();
  private final Map<String, Integer> denials = new HashMap<>();
  private final Map<String, Integer> lostResponses = new HashMap<>();
  private final Map<String, Duration> latencies = new HashMap<>();
  private final Map<String, TransitionFault> transitions = new HashMap<>();

  /** The next {@code times} calls of {@code operation} (or "*" for any) are throttled. */
  public synchronized Faults throttle(final String operation, final int times) {
    throttles.put(operation, times);
    return this;
  }

  /** The next {@code times} calls of {@code operation} (or "*") fail with HTTP 500. */
  public synchronized Faults serverError(final String operation, final int times) {
    serverErrors.put(operation, times);
    return this;
  }

  /**
   * The next {@code times} calls of {@code operation} (or "*") are refused with HTTP 400
   * AccessDeniedException, as when the caller's policy does not allow the action. The message
   * follows the shape the IAM user guide documents for an implicit deny ("User: ... is not
   * authorized to perform: ... because no identity-based policy allows the ... action",
   * troubleshoot_access-denied.html).
   */
  public synchronized Faults deny(final String operation, final int times) {
    denials.put(operation, times);
    return this;
  }

  /**
   * The next {@code times} calls of {@code operation} take effect, but their answer is lost: the
   * caller gets HTTP 500, as when a response never makes it back.
   */
  public synchronized Faults loseResponse(final String operation, final int times) {
    lostResponses.put(operation, times);
    return this;
  }

  /** Every call of {@code operation} (or "*") waits this long before it is handled. */
  public synchronized Faults latency(final String operation, final Duration latency) {
    latencies.put(operation, latency);
    return this;
  }

  /** The next transition of that kind, e.g. "Domain.Create", fails or hangs. */
  public synchronized Faults transition(
      final String transition, final Outcome outcome, final String reason) {
    transitions.put(transition, new TransitionFault(outcome, reason));
    return this;
  }

  public synchronized Faults clear() {
    throttles.clear();
    serverErrors.clear();
    denials.clear();
    lostResponses.clear();
    latencies.clear();
    transitions.clear();
    return this;
  }

  /** Throws the error configured for this call, if any. */
  synchronized void beforeCall(final String operation) {
    if (take(throttles, operation) || take(throttles, "*")) {
      throw RateLimits.THROTTLED.violated();
    }
    if (take(denials, operation) || take(denials, "*")) {
      throw new ApiException(
          400,
          "AccessDeniedException",
          String.format(
              "User: arn:aws:sts::000000000000:assumed-role/caller/session is not authorized to"
                  + " perform: sagemaker:%s because no identity-based policy allows the"
                  + " sagemaker:%s action (injected)",
              operation, operation));
    }
    if (take(serverErrors, operation) || take(serverErrors, "*")) {
      throw new ApiException(500, "InternalFailure", "An internal error occurred (injected).");
    }
  }

  /** Throws, after the call took effect, when its response is to be lost. */
  synchronized void afterCall(final String operation) {
    if (take(lostResponses, operation)) {
      throw new ApiException(500, "InternalFailure", "The response was lost (injected).");
    }
  }

  synchronized Duration latency(final String operation) {
    return latencies.getOrDefault(operation, latencies.getOrDefault("*", Duration.ZERO));
  }

  /** The fault for the next transition of this kind, consumed; null when it should succeed. */
  synchronized Outcome takeTransition(final String transition, final StringBuilder reason) {
    final TransitionFault fault = transitions.remove(transition);
    if (fault == null) {
      return null;
    }
    reason.append(fault.reason());
    return fault.outcome();
  }

  private static boolean take(final Map<String, Integer> counters, final String key) {
    final Integer left = counters.get(key);
    if (left == null || left <= 0) {
      return false;
    }
    counters.put(key, left - 1);
    return true;
  }
}
