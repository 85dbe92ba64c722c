package com.org.sagemaker.studiouserprofile;

import com.org.sagemaker.common.Backoff;
import java.time.Duration;

/**
 * How long to wait between checks. A user profile takes seconds to a minute to change; deleting its
 * apps can take up to 20 minutes (cloudformation-coverage-roadmap#1754) and its spaces a few more.
 * Clean-up and deletion budgets together end before the schema's 60-minute delete timeout.
 */
record ProfileTimings(Backoff create, Backoff update, Backoff delete, Backoff cleanup) {

  static final ProfileTimings DEFAULT =
      new ProfileTimings(
          new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(20), 1.5, Duration.ofMinutes(25)),
          new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(20), 1.5, Duration.ofMinutes(25)),
          new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(20), 1.5, Duration.ofMinutes(15)),
          new Backoff(Duration.ofSeconds(15), Duration.ofSeconds(60), 1.5, Duration.ofMinutes(40)));
}
