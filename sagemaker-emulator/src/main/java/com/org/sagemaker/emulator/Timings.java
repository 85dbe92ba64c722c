package com.org.sagemaker.emulator;

import java.time.Duration;

/**
 * How long each asynchronous SageMaker transition takes. The defaults follow what users report (a
 * domain takes minutes, a user profile seconds, an app delete minutes); {@link #scaledBy} shortens
 * them all.
 */
public record Timings(
    Duration domainCreate,
    Duration domainUpdate,
    Duration domainDelete,
    Duration profileCreate,
    Duration profileUpdate,
    Duration profileDelete,
    Duration appCreate,
    Duration appDelete,
    Duration spaceCreate,
    Duration spaceDelete) {

  public static final Timings REALISTIC =
      new Timings(
          Duration.ofMinutes(5),
          Duration.ofMinutes(2),
          Duration.ofMinutes(4),
          Duration.ofSeconds(20),
          Duration.ofSeconds(15),
          Duration.ofSeconds(20),
          Duration.ofMinutes(3),
          Duration.ofMinutes(3),
          Duration.ofSeconds(30),
          Duration.ofMinutes(1));

  /** Every duration divided by {@code factor}. */
  public Timings scaledBy(final double factor) {
    return new Timings(
        div(domainCreate, factor),
        div(domainUpdate, factor),
        div(domainDelete, factor),
        div(profileCreate, factor),
        div(profileUpdate, factor),
        div(profileDelete, factor),
        div(appCreate, factor),
        div(appDelete, factor),
        div(spaceCreate, factor),
        div(spaceDelete, factor));
  }

  private static Duration div(final Duration duration, final double factor) {
    return Duration.ofMillis((long) (duration.toMillis() / factor));
  }
}
