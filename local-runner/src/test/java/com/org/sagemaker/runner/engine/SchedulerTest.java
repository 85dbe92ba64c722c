package com.org.sagemaker.runner.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.org.sagemaker.emulator.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The discrete-event loop: waits overlap on one clock; settling is in schedule order. */
class SchedulerTest {

  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  /** Works {@code steps} times, {@code every} apart, noting when it settles. */
  private static final class Steps implements Scheduler.Task {
    private final String name;
    private final Duration every;
    private final List<String> log;
    private final Timeline timeline;
    private int left;

    Steps(
        final String name,
        final int steps,
        final Duration every,
        final List<String> log,
        final Timeline timeline) {
      this.name = name;
      this.left = steps;
      this.every = every;
      this.log = log;
      this.timeline = timeline;
    }

    @Override
    public void work() {
      left--;
    }

    @Override
    public Duration settle() {
      log.add(name + "@" + Duration.between(START, timeline.now()).toSeconds());
      return left > 0 ? every : null;
    }
  }

  @Test
  void waitsOverlapOnOneClockAndSettleInOrder() {
    for (final int workers : new int[] {1, 3}) {
      final VirtualClock clock = VirtualClock.manual(START);
      final Timeline timeline = Timeline.virtual(clock, clock::advance);
      final List<String> log = Collections.synchronizedList(new ArrayList<>());
      try (Scheduler scheduler = new Scheduler(timeline, workers)) {
        scheduler.submit(new Steps("a", 3, Duration.ofSeconds(100), log, timeline));
        scheduler.submit(new Steps("b", 2, Duration.ofSeconds(150), log, timeline));
        scheduler.submit(new Steps("c", 1, Duration.ZERO, log, timeline));
        scheduler.run();
      }
      assertThat(log).containsExactly("a@0", "b@0", "c@0", "a@100", "b@150", "a@200");
      assertThat(clock.instant()).isEqualTo(START.plusSeconds(200));
    }
  }

  @Test
  void drainTakesWhatWaitsAndWorkFailuresSurface() {
    final VirtualClock clock = VirtualClock.manual(START);
    final Timeline timeline = Timeline.virtual(clock, clock::advance);
    final List<String> log = new ArrayList<>();
    try (Scheduler scheduler = new Scheduler(timeline, 1)) {
      final Steps a = new Steps("a", 2, Duration.ofSeconds(1), log, timeline);
      scheduler.submit(a);
      scheduler.submit(new Steps("b", 2, Duration.ofSeconds(1), log, timeline));
      scheduler.submit(new Steps("c", 1, Duration.ofSeconds(1), log, timeline));
      // Only what the predicate takes, in schedule order; the rest runs.
      assertThat(scheduler.drain(task -> task != a)).hasSize(2);
      scheduler.run();
    }
    assertThat(log).containsExactly("a@0", "a@1");
    final AtomicInteger worked = new AtomicInteger();
    try (Scheduler scheduler = new Scheduler(timeline, 2)) {
      for (int i = 0; i < 2; i++) {
        scheduler.submit(
            new Scheduler.Task() {
              @Override
              public void work() {
                worked.incrementAndGet();
                throw new IllegalStateException("broken");
              }

              @Override
              public Duration settle() {
                return null;
              }
            });
      }
      assertThatThrownBy(scheduler::run).hasMessage("broken");
    }
    assertThat(worked).hasValue(2);
  }

  @Test
  void aScaledTimelineSleepsAFractionOfTheWait() {
    final VirtualClock clock = VirtualClock.scaled(1_000_000, START);
    final Timeline timeline = Timeline.scaled(clock, 1_000_000);
    final long before = System.nanoTime();
    timeline.await(Duration.ofMinutes(10));
    assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(2));
    assertThat(timeline.now()).isAfterOrEqualTo(START.plus(Duration.ofMinutes(10)));
    timeline.waitUntil(START);
    assertThat(Timeline.real().now()).isBeforeOrEqualTo(Instant.now());
  }
}
