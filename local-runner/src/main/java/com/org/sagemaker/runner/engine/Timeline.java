package com.org.sagemaker.runner.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The time a stack operation runs on: SageMaker's time. On the emulator's virtual clock, waiting
 * moves the clock (tests, {@code --no-wait}) or sleeps a scaled-down real time; against AWS it is
 * the wall clock. One discrete-event loop ({@link Scheduler}) waits on it for every operation in
 * flight, so parallel waits overlap instead of adding up.
 */
public interface Timeline {

  Instant now();

  /** Returns once {@code instant} has come (at once if it has). */
  void waitUntil(Instant instant);

  /** Waits out {@code delay} from now. */
  default void await(final Duration delay) {
    waitUntil(now().plus(delay));
  }

  /**
   * A clock that moves only when waited on: waiting costs no real time. {@code advance} moves
   * {@code clock} (e.g. the emulator's {@code VirtualClock::advance}).
   */
  static Timeline virtual(final Clock clock, final Consumer<Duration> advance) {
    return on(clock, advance);
  }

  /** A clock running {@code scale} times faster than real time: waiting sleeps 1/scale of it. */
  static Timeline scaled(final Clock clock, final double scale) {
    return on(clock, wait -> sleep(Duration.ofMillis((long) (wait.toMillis() / scale))));
  }

  /** The wall clock. */
  static Timeline real() {
    return scaled(Clock.systemUTC(), 1);
  }

  /** Time from {@code clock}; a wait for a positive time is {@code wait}'s to make. */
  private static Timeline on(final Clock clock, final Consumer<Duration> wait) {
    return new Timeline() {
      @Override
      public Instant now() {
        return clock.instant();
      }

      @Override
      public void waitUntil(final Instant instant) {
        final Duration ahead = Duration.between(clock.instant(), instant);
        if (ahead.compareTo(Duration.ZERO) > 0) {
          wait.accept(ahead);
        }
      }
    };
  }

  private static void sleep(final Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting", e);
    }
  }
}
