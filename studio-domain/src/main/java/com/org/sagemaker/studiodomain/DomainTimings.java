package com.org.sagemaker.studiodomain;

import com.org.sagemaker.common.Backoff;
import com.org.sagemaker.common.lifecycle.Timings;
import java.time.Clock;
import java.time.Duration;

/**
 * How long to wait between checks of a domain transition. SageMaker takes minutes to create or
 * delete a domain (home EFS, network interfaces: commonly 3–10 minutes) and one to five to update
 * one; looking every 12 seconds from about when the fastest finish keeps API calls near a third of
 * a 5-second poll with a median of 5 seconds between the end and our seeing it (./bench, measured
 * and modelled in docs/performance.md). Each operation's budget, from its first invocation, ends
 * before the schema's 60-minute handler timeout, so a stuck domain is reported with its last
 * status. {@code clock} tells the operation's time.
 */
public record DomainTimings(Backoff create, Backoff update, Backoff delete, Clock clock)
    implements Timings {

  private static final Duration INTERVAL = Duration.ofSeconds(12);
  private static final Duration BUDGET = Duration.ofMinutes(55);

  public static final DomainTimings DEFAULT =
      new DomainTimings(
          new Backoff(Duration.ofSeconds(150), INTERVAL, INTERVAL, 1.0, BUDGET),
          new Backoff(Duration.ofSeconds(45), INTERVAL, INTERVAL, 1.0, BUDGET),
          new Backoff(Duration.ofSeconds(150), INTERVAL, INTERVAL, 1.0, BUDGET),
          Clock.systemUTC());
}
