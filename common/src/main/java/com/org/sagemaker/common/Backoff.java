package com.org.sagemaker.common;

import java.time.Duration;
import software.amazon.cloudformation.proxy.Delay;

/**
 * Callback delays while waiting for a SageMaker transition: {@code first} before the first check
 * that can see it finish (a transition started by this handler is never done at once), then {@code
 * then}, each later delay {@code factor} times the previous one up to {@code max}. {@code timeout}
 * is the operation's budget: once that much time has passed since the operation started (see {@link
 * OperationTimer}), the stabilizer reports the resource's last status (see {@link Stabilization}),
 * so this never returns the runtime's generic "exceeded attempts" signal. docs/performance.md shows
 * how the defaults were chosen.
 */
public record Backoff(Duration first, Duration then, Duration max, double factor, Duration timeout)
    implements Delay {

  public static final Duration MINIMUM = Duration.ofSeconds(1);

  public Backoff {
    if (first.isNegative() || then.isNegative() || max.compareTo(then) < 0 || factor < 1.0) {
      throw new IllegalArgumentException("need 0 <= first, 0 <= then <= max and factor >= 1");
    }
  }

  /** The same delay every time. */
  public static Backoff every(final Duration delay, final Duration timeout) {
    return new Backoff(delay, delay, delay, 1.0, timeout);
  }

  /** The shortest wait, for tests that drive the callback loop themselves: gives up after n. */
  public static Backoff shortest(final int attempts) {
    return every(MINIMUM, MINIMUM.multipliedBy(attempts));
  }

  /**
   * The delay after check number {@code attempt} (1-based), in whole seconds as the wrapper answers
   * them (it drops any fraction), and at least {@link #MINIMUM}: an IN_PROGRESS event with a
   * 0-second delay means "carry on now" to the next step of a call chain, not "wait".
   */
  @Override
  public Duration nextDelay(final int attempt) {
    final double seconds =
        attempt <= 1
            ? first.toSeconds()
            : Math.min(max.toSeconds(), then.toSeconds() * Math.pow(factor, attempt - 2));
    return Duration.ofSeconds(Math.max(MINIMUM.toSeconds(), (long) seconds));
  }
}
