package com.org.sagemaker.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

  private final Backoff backoff =
      new Backoff(
          Duration.ofSeconds(90),
          Duration.ofSeconds(10),
          Duration.ofSeconds(40),
          2.0,
          Duration.ofSeconds(200));

  @Test
  void waitsTheFirstDelayThenGrowsByTheFactorUpToTheMaximum() {
    assertThat(backoff.nextDelay(1)).isEqualTo(Duration.ofSeconds(90));
    assertThat(backoff.nextDelay(2)).isEqualTo(Duration.ofSeconds(10));
    assertThat(backoff.nextDelay(3)).isEqualTo(Duration.ofSeconds(20));
    assertThat(backoff.nextDelay(4)).isEqualTo(Duration.ofSeconds(40));
    assertThat(backoff.nextDelay(9)).isEqualTo(Duration.ofSeconds(40));
  }

  @Test
  void asksForWholeSecondsAsTheWrapperAnswersThem() {
    final Backoff growing =
        new Backoff(
            Duration.ofMillis(2500),
            Duration.ofSeconds(15),
            Duration.ofSeconds(60),
            1.5,
            Duration.ofMinutes(5));
    assertThat(growing.nextDelay(1)).isEqualTo(Duration.ofSeconds(2));
    assertThat(growing.nextDelay(3)).isEqualTo(Duration.ofSeconds(22));
  }

  @Test
  void everyRepeatsOneDelay() {
    final Backoff every = Backoff.every(Duration.ofSeconds(15), Duration.ofMinutes(1));
    assertThat(every.nextDelay(1)).isEqualTo(Duration.ofSeconds(15));
    assertThat(every.nextDelay(6)).isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  void neverAsksForLessThanOneSecondBecauseZeroMeansCarryOn() {
    final Backoff zero = Backoff.every(Duration.ZERO, Duration.ofMinutes(1));
    assertThat(zero.nextDelay(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(zero.nextDelay(2)).isEqualTo(Duration.ofSeconds(1));
    final Backoff shortest = Backoff.shortest(5);
    assertThat(shortest.nextDelay(7)).isEqualTo(Duration.ofSeconds(1));
    assertThat(shortest.timeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void rejectsInconsistentSettings() {
    final Duration one = Duration.ofSeconds(1);
    final Duration five = Duration.ofSeconds(5);
    assertThatThrownBy(() -> new Backoff(one, five, one, 2, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Backoff(one, one, five, 0.5, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Backoff(one.negated(), one, five, 1, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Backoff(one, one.negated(), five, 1, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
