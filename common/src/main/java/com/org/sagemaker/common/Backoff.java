package com.org.sagemaker.common;

import java.time.Duration;
import software.amazon.cloudformation.proxy.Delay;

/**
 * Callback delays while waiting for a SageMaker transition: {@code initial} before the first check,
 * then each delay {@code factor} times the previous one up to {@code max}. The wait gives up once
 * the delays asked for add up to {@code timeout}; the stabilizer reports that with the resource's
 * last status (see {@link Stabilization}), so this never returns the runtime's generic "exceeded
 * attempts" signal.
 */
public record Backoff(Duration initial, Duration max, double factor, Duration timeout)
    implements Delay {

  public static final Duration MINIMUM = Duration.ofSeconds(1);

  public Backoff {
    if (initial.isNegative() || max.compareTo(initial) < 0 || factor < 1.0) {
      throw new IllegalArgumentException("need 0 <= initial <= max and factor >= 1");
    }
  }

  /** The shortest wait, for tests that drive the callback loop themselves: gives up after n. */
  public static Backoff shortest(final int attempts) {
    return new Backoff(MINIMUM, MINIMUM, 1.0, MINIMUM.multipliedBy(attempts));
  }

  /**
   * The delay before check number {@code attempt} (1-based), at least {@link #MINIMUM}: the wrapper
   * answers whole seconds, and an IN_PROGRESS event with a 0-second delay means "carry on now" to
   * the next step of a call chain, not "wait".
   */
  @Override
  public Duration nextDelay(final int attempt) {
    final double scaled = initial.toMillis() * Math.pow(factor, Math.max(0, attempt - 1));
    final long millis = (long) Math.min(max.toMillis(), scaled);
    return Duration.ofMillis(Math.max(MINIMUM.toMillis(), millis));
  }

  /** Sum of the delays before checks 1..attempts. */
  public Duration waited(final int attempts) {
    Duration total = Duration.ZERO;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      total = total.plus(nextDelay(attempt));
    }
    return total;
  }

  public boolean exhausted(final int attempts) {
    return waited(attempts).compareTo(timeout) >= 0;
  }
}
