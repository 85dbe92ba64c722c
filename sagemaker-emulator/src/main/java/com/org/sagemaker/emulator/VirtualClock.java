package com.org.sagemaker.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that moves only when told to, or with real time multiplied by a scale: tests and the
 * local runner wait on SageMaker's minutes without waiting minutes.
 */
public final class VirtualClock extends Clock {

  private final Clock real;
  private final double scale;
  private final Instant realStart;
  private final Instant virtualStart;
  private Duration advanced = Duration.ZERO;

  private VirtualClock(final Clock real, final double scale, final Instant virtualStart) {
    this.real = real;
    this.scale = scale;
    this.realStart = real.instant();
    this.virtualStart = virtualStart;
  }

  /** Stands still until {@link #advance}d. */
  public static VirtualClock manual(final Instant start) {
    return new VirtualClock(Clock.fixed(start, ZoneOffset.UTC), 0, start);
  }

  /** Runs {@code scale} times faster than real time (and can also be advanced). */
  public static VirtualClock scaled(final double scale) {
    return scaled(scale, Instant.now());
  }

  /**
   * Runs {@code scale} times faster than real time from {@code start}, e.g. where a saved run
   * stopped.
   */
  public static VirtualClock scaled(final double scale, final Instant start) {
    return new VirtualClock(Clock.systemUTC(), scale, start);
  }

  public synchronized void advance(final Duration duration) {
    advanced = advanced.plus(duration);
  }

  @Override
  public synchronized Instant instant() {
    final long realMillis = Duration.between(realStart, real.instant()).toMillis();
    return virtualStart.plusMillis((long) (realMillis * scale)).plus(advanced);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(final ZoneId zone) {
    throw new UnsupportedOperationException("UTC only");
  }
}
