package com.org.sagemaker.studiouserprofile;

import com.org.sagemaker.common.Backoff;
import java.time.Duration;

/**
 * How long to wait between checks. A user profile takes seconds to a minute to change: a look every
 * 10 seconds (./bench, docs/performance.md). Deleting its apps can take up to 20 minutes
 * (cloudformation-coverage-roadmap#1754) and its spaces a few more, so that wait grows. Clean-up
 * and deletion budgets together end before the schema's 60-minute delete timeout.
 */
public record ProfileTimings(Backoff create, Backoff update, Backoff delete, Backoff cleanup) {

  private static final Duration INTERVAL = Duration.ofSeconds(10);

  public static final ProfileTimings DEFAULT =
      new ProfileTimings(
          Backoff.every(INTERVAL, Duration.ofMinutes(25)),
          Backoff.every(INTERVAL, Duration.ofMinutes(25)),
          Backoff.every(INTERVAL, Duration.ofMinutes(15)),
          new Backoff(
              Duration.ofSeconds(15),
              Duration.ofSeconds(15),
              Duration.ofSeconds(60),
              1.5,
              Duration.ofMinutes(40)));
}
