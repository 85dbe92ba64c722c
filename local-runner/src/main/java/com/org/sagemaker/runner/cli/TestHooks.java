package com.org.sagemaker.runner.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Two settings that only tests use, read from the environment so that no user sees them as options:
 *
 * <ul>
 *   <li>{@value #HALT_AT}: a point the engine records its state at (see {@code state.StateStore}),
 *       optionally {@code #k} for its k-th time. Reaching it, the run prints {@code studio-local:
 *       halted at <point>} and waits forever for the test to kill it, so the test kills the process
 *       at exactly that point, never on a guess of the time.
 *   <li>{@value #AWS_TIME_SCALE}: with {@code --aws} pointed at a standalone emulator that runs N
 *       times faster, the runner waits out callback delays N times faster too.
 * </ul>
 */
final class TestHooks {

  static final String HALT_AT = "STUDIO_LOCAL_TEST_HALT_AT";
  static final String AWS_TIME_SCALE = "STUDIO_LOCAL_TEST_AWS_TIME_SCALE";
  static final String HALTED = "studio-local: halted at ";

  private final String haltAt;
  private final int occurrence;
  private final String awsTimeScale;
  private int seen;

  TestHooks(final Map<String, String> environment) {
    final String halt = environment.get(HALT_AT);
    final int hash = halt == null ? -1 : halt.lastIndexOf('#');
    this.haltAt = hash < 0 ? halt : halt.substring(0, hash);
    this.occurrence = hash < 0 ? 1 : Integer.parseInt(halt.substring(hash + 1));
    this.awsTimeScale = environment.get(AWS_TIME_SCALE);
  }

  /** The time scale for --aws, or null when none is set. */
  Double awsTimeScale() {
    return awsTimeScale == null ? null : Double.valueOf(awsTimeScale);
  }

  /** Called at each point; halts at the one asked for. */
  void reached(final String point, final PrintWriter out) {
    if (point.equals(haltAt) && ++seen == occurrence) {
      out.println(HALTED + point);
      out.flush();
      waitToBeKilled();
    }
  }

  private static void waitToBeKilled() {
    final CountDownLatch never = new CountDownLatch(1);
    while (true) {
      try {
        never.await();
      } catch (final InterruptedException e) {
        // Keep waiting: only the test's kill ends this process.
      }
    }
  }
}
