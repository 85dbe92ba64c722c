package com.org.sagemaker.runner.engine;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

/**
 * Stack events as CloudFormation shows them: time, logical id, type, status, reason. The time is
 * the stack operation's (SageMaker's) time: on the emulator, its clock.
 */
public final class StackEvents {

  /** The type CloudFormation's events give the stack itself. */
  private static final String STACK_TYPE = "AWS::CloudFormation::Stack";

  private final PrintWriter out;
  private final Supplier<Instant> clock;

  public StackEvents(final PrintWriter out, final Supplier<Instant> clock) {
    this.out = out;
    this.clock = clock;
  }

  public void event(
      final String logicalId, final String type, final String status, final String reason) {
    out.println(
        String.format(
                "%-20s  %-22s  %-34s  %-22s  %s",
                clock.get().truncatedTo(ChronoUnit.SECONDS),
                logicalId,
                type,
                status,
                reason == null ? "" : reason)
            .stripTrailing());
    out.flush();
  }

  /** An event of the stack itself, e.g. UPDATE_IN_PROGRESS. */
  public void stack(final String stackName, final String status, final String reason) {
    event(stackName, STACK_TYPE, status, reason);
  }

  /** The live indicator while a resource stabilizes. */
  public void waiting(final String logicalId, final int check, final long delaySeconds) {
    out.printf(
        "%-20s  %-22s  ... still in progress, check %d, next in %ds (SageMaker time)%n",
        "", logicalId, check, delaySeconds);
    out.flush();
  }

  public void line(final String text) {
    out.println(text);
    out.flush();
  }
}
