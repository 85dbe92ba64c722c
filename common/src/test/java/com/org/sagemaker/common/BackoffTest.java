package com.org.sagemaker.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

  private final Backoff backoff =
      new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(40), 2.0, Duration.ofSeconds(100));

  @Test
  void growsByTheFactorUpToTheMaximum() {
    assertThat(backoff.nextDelay(1)).isEqualTo(Duration.ofSeconds(10));
    assertThat(backoff.nextDelay(2)).isEqualTo(Duration.ofSeconds(20));
    assertThat(backoff.nextDelay(3)).isEqualTo(Duration.ofSeconds(40));
    assertThat(backoff.nextDelay(9)).isEqualTo(Duration.ofSeconds(40));
  }

  @Test
  void isExhaustedOnceTheDelaysAddUpToTheTimeout() {
    assertThat(backoff.waited(3)).isEqualTo(Duration.ofSeconds(70));
    assertThat(backoff.exhausted(3)).isFalse();
    assertThat(backoff.waited(4)).isEqualTo(Duration.ofSeconds(110));
    assertThat(backoff.exhausted(4)).isTrue();
  }

  @Test
  void neverAsksForLessThanOneSecondBecauseZeroMeansCarryOn() {
    final Backoff zero = new Backoff(Duration.ZERO, Duration.ZERO, 1.0, Duration.ofMinutes(1));
    assertThat(zero.nextDelay(1)).isEqualTo(Duration.ofSeconds(1));
    final Backoff shortest = Backoff.shortest(5);
    assertThat(shortest.nextDelay(7)).isEqualTo(Duration.ofSeconds(1));
    assertThat(shortest.exhausted(4)).isFalse();
    assertThat(shortest.exhausted(5)).isTrue();
  }

  @Test
  void rejectsInconsistentSettings() {
    assertThatThrownBy(
            () -> new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(1), 2, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5), 0.5, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new Backoff(Duration.ofSeconds(-1), Duration.ofSeconds(5), 1, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
