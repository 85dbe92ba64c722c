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
  private final TimedContext context = new TimedContext();

  /** A callback context that keeps the operation's time, as both types' contexts do. */
  @lombok.Getter
  @lombok.Setter
  static final class TimedContext extends StdCallbackContext implements OperationTimer {
    private static final long serialVersionUID = 1L;
    private long startedAtMillis;
    private long invokedAtMillis;
    private long waitedSeconds;
  }

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
  void theBudgetCoversEveryWaitOfTheOperation() {
    // 2 one-minute waits for readiness, then the update's own wait spends the third minute.
    assertThat(ready("Updating")).isFalse();
    assertThat(ready("Updating")).isFalse();
    assertThat(ready("InService")).isTrue();
    assertThat(
            Stabilization.reached(
                "Domain d-1", "Updating", null, "InService", backoff, context, "second"))
        .isFalse();
    assertThatThrownBy(
            () ->
                Stabilization.reached(
                    "Domain d-1", "Updating", null, "InService", backoff, context, "second"))
        .hasMessage("Domain d-1 is still Updating after 3 minutes of waiting for InService");
  }

  @Test
  void theBudgetCountsTheWallClockWhenItRunsAhead() {
    final java.time.Instant start = java.time.Instant.parse("2026-01-01T00:00:00Z");
    OperationTimer.onInvocation(context, java.time.Clock.fixed(start, java.time.ZoneOffset.UTC));
    assertThat(reached("Pending")).isFalse();
    OperationTimer.onInvocation(
        context,
        java.time.Clock.fixed(start.plus(Duration.ofMinutes(4)), java.time.ZoneOffset.UTC));
    assertThat(context.getStartedAtMillis()).isEqualTo(start.toEpochMilli());
    assertThatThrownBy(() -> reached("Pending"))
        .hasMessage("Domain d-1 is still Pending after 4 minutes of waiting for InService");
  }

  @Test
  void anUpdateMayStartFromInServiceOrUpdateFailedOnly() {
    assertThat(ready("InService")).isTrue();
    assertThat(ready("Update_Failed")).isTrue();
    assertThat(ready("Pending")).isFalse();
    assertThatThrownBy(
            () ->
                Stabilization.readyForUpdate(
                    "Domain d-1", "Failed", "no IPs", backoff, context, GRAPH))
        .isInstanceOfSatisfying(
            HandlerFailure.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(HandlerErrorCode.NotStabilized))
        .hasMessageStartingWith("Domain d-1 is Failed (no IPs): SageMaker cannot update");
    assertThatThrownBy(() -> ready("Delete_Failed"))
        .hasMessageStartingWith("Domain d-1 is Delete_Failed (SageMaker gave no FailureReason)");
    assertThatThrownBy(() -> ready("Deleting"))
        .isInstanceOfSatisfying(
            HandlerFailure.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(HandlerErrorCode.NotFound));
  }

  @Test
  void aDeleteWaitsOnlyForACreateOrUpdateUnderWay() {
    for (final String settled :
        new String[] {"InService", "Failed", "Update_Failed", "Delete_Failed", "Deleting"}) {
      assertThat(Stabilization.readyForDelete("Domain d-1", settled, backoff, context, settled))
          .isTrue();
    }
    assertThat(Stabilization.readyForDelete("Domain d-1", "Pending", backoff, context, "d"))
        .isFalse();
    assertThat(Stabilization.readyForDelete("Domain d-1", "Updating", backoff, context, "d"))
        .isFalse();
    assertThat(Stabilization.readyForDelete("Domain d-1", "Updating", backoff, context, "d"))
        .isFalse();
    assertThatThrownBy(
            () -> Stabilization.readyForDelete("Domain d-1", "Pending", backoff, context, "d"))
        .hasMessage(
            "Domain d-1 is still Pending after 3 minutes of waiting for it to be ready for"
                + " deletion");
  }

  private boolean ready(final String status) {
    return Stabilization.readyForUpdate("Domain d-1", status, null, backoff, context, "ready");
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
