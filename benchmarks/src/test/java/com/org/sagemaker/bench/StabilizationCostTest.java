package com.org.sagemaker.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.org.sagemaker.emulator.Timings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tuned backoffs keep what docs/performance.md says of them, counted on the emulator's
 * simulated clock (calls and SageMaker time, not wall time): domain creates and deletes use at most
 * a third of the 5-second poll's API calls, with a median of at most 5 s between the end of the
 * transition and the handler reporting it.
 */
class StabilizationCostTest {

  private static BenchAccount account;
  private static Map<StabilizationCost.Operation, StabilizationCost.Result> results;

  @BeforeAll
  static void measure() throws Exception {
    account = new BenchAccount(Timings.REALISTIC);
    results =
        new StabilizationCost(account)
            .measure().stream()
                .collect(Collectors.toMap(StabilizationCost.Result::operation, r -> r));
  }

  @AfterAll
  static void stop() {
    account.close();
  }

  @Test
  void domainCreatesAndDeletesMeetTheTargets() {
    for (final StabilizationCost.Operation operation :
        List.of(
            StabilizationCost.Operation.DOMAIN_CREATE, StabilizationCost.Operation.DOMAIN_DELETE)) {
      final StabilizationCost.Result result = results.get(operation);
      assertThat(median(result, i -> ratio(result, i)))
          .as(operation + " calls")
          .isLessThanOrEqualTo(1.0 / 3);
      assertThat(median(result, i -> result.ours().get(i).overshoot().toMillis() / 1000.0))
          .as(operation + " overshoot")
          .isLessThanOrEqualTo(5);
    }
  }

  @Test
  void everyOperationEndsWithinTheBaselinesTimeAndTheModelMatchesTheMeasurement() {
    for (final StabilizationCost.Result result : results.values()) {
      assertThat(result.ours()).hasSize(StabilizationCost.SWEEP_SIZE);
      for (int i = 0; i < result.ours().size(); i++) {
        assertThat(result.ours().get(i).overshoot())
            .as(result.operation() + " overshoot")
            .isLessThan(Duration.ofSeconds(60));
      }
      // TradeOff fails when its model does not reproduce the measured default.
      assertThat(TradeOff.rows(result)).anyMatch(TradeOff.Row::isDefault);
    }
  }

  private static double ratio(final StabilizationCost.Result result, final int i) {
    return (double) result.ours().get(i).apiCalls() / result.baseline().get(i).apiCalls();
  }

  private static double median(
      final StabilizationCost.Result result, final Function<Integer, Double> metric) {
    return Stats.of(
            java.util.stream.IntStream.range(0, result.ours().size())
                .mapToObj(metric::apply)
                .toList())
        .median();
  }
}
