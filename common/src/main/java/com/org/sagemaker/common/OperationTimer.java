package com.org.sagemaker.common;

import java.time.Clock;
import java.time.Duration;

/**
 * When an operation (all the invocations CloudFormation makes for one create, update or delete)
 * started and how long it has waited, kept in its callback context. A time budget measured from
 * here covers every wait of the operation, so a stuck resource ends with its last status before the
 * schema's handler timeout.
 */
public interface OperationTimer {

  long getStartedAtMillis();

  void setStartedAtMillis(long millis);

  long getInvokedAtMillis();

  void setInvokedAtMillis(long millis);

  /** The callback delays CloudFormation waited out for this operation, in seconds. */
  long getWaitedSeconds();

  void setWaitedSeconds(long seconds);

  /** Called at the start of every invocation: the first one starts the clock. */
  static void onInvocation(final OperationTimer timer, final Clock clock) {
    final long now = clock.millis();
    if (timer.getStartedAtMillis() == 0) {
      timer.setStartedAtMillis(now);
    }
    timer.setInvokedAtMillis(now);
  }

  /**
   * Time since the operation started: the wall clock, or the callback delays it asked for where
   * those add up to more (they are CloudFormation's least wait, and all that passes in a runner
   * that moves a simulated clock).
   */
  static Duration elapsed(final OperationTimer timer) {
    final Duration wall =
        Duration.ofMillis(timer.getInvokedAtMillis() - timer.getStartedAtMillis());
    final Duration waited = Duration.ofSeconds(timer.getWaitedSeconds());
    return wall.compareTo(waited) >= 0 ? wall : waited;
  }
}
