package com.org.sagemaker.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.StdCallbackContext;

class StabilizationTest {

  private static final String GRAPH = "Org-Test::Create";
  private final Backoff backoff =
      new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(1), 1.0, Duration.ofMinutes(3));
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
    context.attempts(GRAPH, 3);
    assertThatThrownBy(() -> reached("Pending"))
        .isInstanceOf(HandlerFailure.class)
        .hasMessage("Domain d-1 is still Pending after 3 minutes of waiting for InService");
  }

  private boolean reached(final String status) {
    return Stabilization.reached("Domain d-1", status, null, "InService", backoff, context, GRAPH);
  }
}
