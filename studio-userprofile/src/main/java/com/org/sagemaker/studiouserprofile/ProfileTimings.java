package com.org.sagemaker.studiouserprofile;

import com.org.sagemaker.common.Backoff;
import com.org.sagemaker.common.lifecycle.Timings;
import java.time.Clock;
import java.time.Duration;

/**
 * How long to wait between checks. A user profile takes seconds to a minute to change: a look every
 * 10 seconds (./bench, docs/performance.md). Deleting its apps can take up to 20 minutes
 * (cloudformation-coverage-roadmap#1754) and its spaces a few more, so that wait grows. Each
 * backoff's timeout is the budget of its whole operation, from its first invocation (clean-up and
 * deletion are one delete): each ends before the schema's handler timeout (30 minutes for create
 * and update, 60 for delete). {@code clock} tells the operation's time.
 */
public record ProfileTimings(
    Backoff create, Backoff update, Backoff delete, Backoff cleanup, Clock clock)
    implements Timings {

  private static final Duration INTERVAL = Duration.ofSeconds(10);
  private static final Duration CREATE_OR_UPDATE_BUDGET = Duration.ofMinutes(25);
  private static final Duration DELETE_BUDGET = Duration.ofMinutes(55);

  public static final ProfileTimings DEFAULT =
      new ProfileTimings(
          Backoff.every(INTERVAL, CREATE_OR_UPDATE_BUDGET),
          Backoff.every(INTERVAL, CREATE_OR_UPDATE_BUDGET),
          Backoff.every(INTERVAL, DELETE_BUDGET),
          new Backoff(
              Duration.ofSeconds(15),
              Duration.ofSeconds(15),
              Duration.ofSeconds(60),
              1.5,
              DELETE_BUDGET),
          Clock.systemUTC());
}
