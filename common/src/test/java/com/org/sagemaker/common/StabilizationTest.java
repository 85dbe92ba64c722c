package com.org.sagemaker.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.StdCallbackContext;

class StabilizationTest {

  private static final String GRAPH = "Org-Test::Create";
  private final Backoff backoff = Backoff.every(Duration.ofMinutes(1), Duration.ofMinutes(3));
  private final StdCallbackContext context = new StdCallbackContext();

  @Test
  void targetStatusIsStable() {
    assertThat(reached("InService")).isTrue();
  }

  @Test
  void transitionalStatusesKeepWaiting() {
    assertThat(reached("Pending")).isFalse();
    assertThat(reached("Updating")).isFalse();
  }

  @Test
  void failedTransitionsCarrySageMakersFailureReason() {
    for (final String failed : new String[] {"Failed", "Update_Failed", "Delete_Failed"}) {
      assertThatThrownBy(
              () ->
                  Stabilization.reached(
                      "Domain d-1",
                      failed,
                      "subnet-1 has no free IPs",
                      "InService",
                      backoff,
                      context,
                      GRAPH))
          .isInstanceOfSatisfying(
              HandlerFailure.class,
              e -> assertThat(e.getErrorCode()).isEqualTo(HandlerErrorCode.NotStabilized))
          .hasMessage("Domain d-1 is " + failed + ": subnet-1 has no free IPs");
    }
  }

  @Test
  void failureWithoutReasonSaysSo() {
    assertThatThrownBy(() -> reached("Failed"))
        .hasMessageContaining("SageMaker gave no FailureReason");
  }

  @Test
  void givesUpWithTheLastStatusWhenTheBudgetIsSpent() {
    // Checks 1..3 follow 0, 1 and 2 one-minute waits; check 4 follows 3 minutes: the budget.
    assertThat(reached("Pending")).isFalse();
    assertThat(reached("Pending")).isFalse();
    assertThat(reached("Pending")).isFalse();
    assertThatThrownBy(() -> reached("Pending"))
        .isInstanceOf(HandlerFailure.class)
        .hasMessage("Domain d-1 is still Pending after 3 minutes of waiting for InService");
  }

  @Test
  void deletionWaitsUntilGoneAndFailsOnDeleteFailed() {
    assertThat(Stabilization.gone("Domain d-1", "Deleting", null, backoff, context, GRAPH))
        .isFalse();
    assertThatThrownBy(
            () ->
                Stabilization.gone(
                    "Domain d-1", "Delete_Failed", "EFS busy", backoff, context, GRAPH))
        .isInstanceOf(HandlerFailure.class)
        .hasMessage("Domain d-1 is Delete_Failed: EFS busy");
  }

  @Test
  void waitsOutsideACallChainFollowTheBackoffWithinTheBudget() {
    final Backoff growing =
        new Backoff(
            Duration.ofSeconds(10),
            Duration.ofSeconds(20),
            Duration.ofSeconds(40),
            2.0,
            Duration.ofSeconds(70));
    assertThat(Stabilization.nextWaitSeconds("apps", "Deleting", "deletion", growing, context, "w"))
        .isEqualTo(10);
    assertThat(Stabilization.nextWaitSeconds("apps", "Deleting", "deletion", growing, context, "w"))
        .isEqualTo(20);
    assertThat(Stabilization.nextWaitSeconds("apps", "Deleting", "deletion", growing, context, "w"))
        .isEqualTo(40);
    assertThatThrownBy(
            () ->
                Stabilization.nextWaitSeconds(
                    "apps", "Deleting", "deletion", growing, context, "w"))
        .isInstanceOf(HandlerFailure.class)
        .hasMessage("apps is still Deleting after 1 minutes of waiting for deletion");
  }

  @Test
  void theCheckInTheInvocationThatStartedTheTransitionIsSkippedButCounted() {
    assertThat(Stabilization.justCalled(context, GRAPH)).isTrue();
    assertThat(Stabilization.justCalled(context, GRAPH)).isFalse();
    // Checks 1..3 follow 0, 1 and 2 one-minute waits; check 4 follows 3 minutes: the budget.
    assertThat(reached("Pending")).isFalse();
    assertThat(reached("Pending")).isFalse();
    assertThatThrownBy(() -> reached("Pending")).isInstanceOf(HandlerFailure.class);
  }

  @Test
  void checksAreCountedPerWait() {
    assertThat(Stabilization.countCheck(context, "a")).isEqualTo(1);
    assertThat(Stabilization.countCheck(context, "a")).isEqualTo(2);
    assertThat(Stabilization.countCheck(context, "b")).isEqualTo(1);
  }

  private boolean reached(final String status) {
    return Stabilization.reached("Domain d-1", status, null, "InService", backoff, context, GRAPH);
  }
}
