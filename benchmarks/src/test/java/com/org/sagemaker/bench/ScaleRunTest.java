package com.org.sagemaker.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A small stack through the parallel runner and the real handlers, on an emulator whose rates are
 * tight enough to throttle it: every profile InService, nothing failed, the throttled calls
 * counted, and SageMaker time set against the physical limit on the virtual clock. This test class
 * has its JVM to itself: the handlers' client is built for its emulator.
 */
class ScaleRunTest {

  @Test
  void aStackThrottledAtEveryStepStillEndsCleanAndTheCountsAreItsOwn() throws Exception {
    try (ScaleRun scale =
        new ScaleRun(ScaleRates.parse("Describe=1/2,List=1/2,Tags=1/1,Mutate=1/1"), 2, false)) {
      final ScaleRun.Result tight = scale.run(3);

      assertThat(tight.clean()).as(tight.toString()).isTrue();
      assertThat(tight.inService()).isEqualTo(3);
      assertThat(tight.create().stackStatus()).isEqualTo("CREATE_COMPLETE");
      assertThat(tight.create().operations()).isEqualTo(4);
      assertThat(tight.create().throttled()).containsKey("Describe");
      assertThat(tight.create().totalThrottled()).isPositive();
      assertThat(tight.create().calls()).containsKeys("Describe", "Mutate", "Tags");
      assertThat(tight.create().totalCalls())
          .isGreaterThan(tight.create().totalThrottled())
          .isEqualTo(tight.create().calls().values().stream().mapToInt(i -> i).sum());
      assertThat(tight.create().invocations()).isGreaterThan(tight.create().operations());
      assertThat(tight.create().limitSeconds()).isEqualTo(320);
      assertThat(tight.create().seconds()).isGreaterThanOrEqualTo(320);
      assertThat(tight.create().ratio()).isEqualTo(tight.create().seconds() / 320.0);
      assertThat(tight.delete().stackStatus()).isEqualTo("DELETE_COMPLETE");
      assertThat(tight.delete().limitSeconds()).isEqualTo(260);
      assertThat(tight.delete().seconds()).isGreaterThanOrEqualTo(260);
      assertThat(tight.delete().calls()).containsKeys("Describe", "List", "Mutate");

      // The next stack starts from an idle account and counts only its own calls.
      final ScaleRun.Result single = scale.run(1);
      assertThat(single.clean()).as(single.toString()).isTrue();
      assertThat(single.create().operations()).isEqualTo(2);
      assertThat(single.create().calls().get("Mutate")).isEqualTo(2);
    }
  }
}
