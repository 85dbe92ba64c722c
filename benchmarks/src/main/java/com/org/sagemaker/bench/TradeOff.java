package com.org.sagemaker.bench;

import com.org.sagemaker.common.Backoff;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Other backoffs for the same operations, modelled from the measured run: the handler's calls and
 * invocations are the measured ones, less the checks of the default backoff, plus the checks the
 * other backoff makes before it sees the transition end. The model must reproduce the measured
 * default exactly (checks, overshoot), or the bench fails.
 */
final class TradeOff {

  /** A modelled backoff over an operation's sweep. */
  record Row(
      String policy,
      boolean isDefault,
      List<Double> callRatios,
      List<Integer> invocations,
      List<Duration> overshoots) {}

  /** How many checks a backoff makes before it sees a transition of this length end, how late. */
  record Wait(int checks, Duration overshoot) {
    static Wait of(final Backoff backoff, final Duration transition) {
      Duration elapsed = Duration.ZERO;
      int checks = 0;
      do {
        checks++;
        elapsed = elapsed.plus(backoff.nextDelay(checks));
      } while (elapsed.compareTo(transition) < 0);
      return new Wait(checks, elapsed.minus(transition));
    }
  }

  private TradeOff() {}

  /** The default and the candidate backoffs for the operation, over its measured sweep. */
  static List<Row> rows(final StabilizationCost.Result result) {
    final StabilizationCost.Operation operation = result.operation();
    final int fixedCalls = fixed(result, StabilizationCost.Sample::apiCalls, "API calls");
    final int fixedInvocations =
        fixed(result, StabilizationCost.Sample::invocations, "invocations");
    final List<Row> rows = new ArrayList<>();
    for (final Map.Entry<String, Backoff> candidate : candidates(operation).entrySet()) {
      final List<Double> ratios = new ArrayList<>();
      final List<Integer> invocations = new ArrayList<>();
      final List<Duration> overshoots = new ArrayList<>();
      for (int i = 0; i < result.ours().size(); i++) {
        final Wait wait = Wait.of(candidate.getValue(), result.ours().get(i).transition());
        ratios.add((double) (fixedCalls + wait.checks()) / result.baseline().get(i).apiCalls());
        invocations.add(fixedInvocations + wait.checks());
        overshoots.add(wait.overshoot());
      }
      rows.add(
          new Row(
              candidate.getKey(),
              candidate.getValue().equals(operation.backoff),
              ratios,
              invocations,
              overshoots));
    }
    return rows;
  }

  /**
   * What the measured run spent besides the default backoff's checks: the same at every duration,
   * and the default's modelled overshoot the measured one, or the model is wrong.
   */
  private static int fixed(
      final StabilizationCost.Result result,
      final java.util.function.ToIntFunction<StabilizationCost.Sample> metric,
      final String what) {
    Integer fixed = null;
    for (final StabilizationCost.Sample sample : result.ours()) {
      final Wait wait = Wait.of(result.operation().backoff, sample.transition());
      if (!wait.overshoot().equals(sample.overshoot())) {
        throw new IllegalStateException(
            result.operation()
                + ": modelled overshoot "
                + wait.overshoot()
                + ", measured "
                + sample.overshoot());
      }
      final int rest = metric.applyAsInt(sample) - wait.checks();
      if (fixed != null && fixed != rest) {
        throw new IllegalStateException(
            result.operation() + ": " + what + " besides checks vary: " + fixed + ", " + rest);
      }
      fixed = rest;
    }
    return fixed;
  }

  /**
   * Fixed intervals, and a first look near the earliest the transition ends followed by a fixed or
   * slowly growing interval.
   */
  private static Map<String, Backoff> candidates(final StabilizationCost.Operation operation) {
    final Duration timeout = operation.backoff.timeout();
    final Duration firstLook = operation.earliestEnd;
    final Map<String, Backoff> candidates = new LinkedHashMap<>();
    candidates.put(describe(operation.backoff), operation.backoff);
    for (final int seconds : new int[] {5, 10, 15, 30, 60}) {
      final Backoff every = Backoff.every(Duration.ofSeconds(seconds), timeout);
      candidates.putIfAbsent(describe(every), every);
    }
    for (final int seconds : new int[] {5, 10, 12, 15, 20}) {
      final Duration interval = Duration.ofSeconds(seconds);
      final Backoff late = new Backoff(firstLook, interval, interval, 1.0, timeout);
      candidates.putIfAbsent(describe(late), late);
    }
    for (final int seconds : new int[] {5, 10}) {
      final Backoff growing =
          new Backoff(firstLook, Duration.ofSeconds(seconds), Duration.ofSeconds(30), 1.2, timeout);
      candidates.putIfAbsent(describe(growing), growing);
    }
    return candidates;
  }

  static String describe(final Backoff backoff) {
    if (backoff.first().equals(backoff.then()) && backoff.factor() == 1.0) {
      return "every " + backoff.then().toSeconds() + " s";
    }
    final String first = "first look at " + backoff.first().toSeconds() + " s, then ";
    return backoff.factor() == 1.0
        ? first + "every " + backoff.then().toSeconds() + " s"
        : first
            + backoff.then().toSeconds()
            + " s ×"
            + backoff.factor()
            + " up to "
            + backoff.max().toSeconds()
            + " s";
  }
}
