package com.org.sagemaker.studiodomain;

import com.org.sagemaker.common.Backoff;
import java.time.Duration;

/**
 * How long to wait between checks of a domain transition. SageMaker takes minutes to create or
 * delete a domain (home EFS, network interfaces) and less to update one. Each budget ends before
 * the schema's 60-minute handler timeout, so a stuck domain is reported with its last status.
 */
record DomainTimings(Backoff create, Backoff update, Backoff delete) {

  static final DomainTimings DEFAULT =
      new DomainTimings(
          new Backoff(Duration.ofSeconds(30), Duration.ofSeconds(60), 1.5, Duration.ofMinutes(55)),
          new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(30), 1.5, Duration.ofMinutes(55)),
          new Backoff(Duration.ofSeconds(30), Duration.ofSeconds(60), 1.5, Duration.ofMinutes(55)));
}
