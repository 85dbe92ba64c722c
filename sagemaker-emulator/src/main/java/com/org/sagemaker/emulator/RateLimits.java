package com.org.sagemaker.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A per-account request-rate limit per operation family, as token buckets on the emulator's clock:
 * each family refills {@code perSecond} tokens a second up to {@code burst}; a call that finds the
 * bucket empty is throttled. Off unless configured ({@link SageMakerEmulator.Options}).
 */
final class RateLimits {

  static final Rule THROTTLED =
      Rule.notEstablished(
          "rate.throttled",
          "Calls beyond an operation's request rate are throttled; the rates are the emulator's"
              + " configuration, not SageMaker's (which it does not publish per operation).",
          "ThrottlingException",
          "Rate exceeded",
          "AWS SDKs retry ThrottlingException as a throttling error (the SDK's retry conditions);"
              + " SageMaker's per-operation rates are not public");

  static final List<Rule> RULES = List.of(THROTTLED);

  /** The rate of one family: tokens per second and the bucket's size. */
  record Rate(double perSecond, int burst) {}

  private final Clock clock;
  private final Map<String, Rate> rates;
  private final Map<String, Double> tokens = new HashMap<>();
  private final Map<String, Instant> refilled = new HashMap<>();

  RateLimits(final Clock clock, final Map<String, Rate> rates) {
    this.clock = clock;
    this.rates = Map.copyOf(rates);
  }

  /**
   * The family an operation belongs to: "Describe", "List", "Tags" (AddTags, DeleteTags, ListTags)
   * or "Mutate" (Create*, Update*, Delete*).
   */
  static String family(final String operation) {
    if (operation.endsWith("Tags")) {
      return "Tags";
    }
    if (operation.startsWith("Describe")) {
      return "Describe";
    }
    if (operation.startsWith("List")) {
      return "List";
    }
    return "Mutate";
  }

  /** Takes a token for {@code operation}, or throws {@link #THROTTLED}. */
  synchronized void take(final String operation) {
    final String family = family(operation);
    final Rate rate = rates.get(family);
    if (rate == null) {
      return;
    }
    final Instant now = clock.instant();
    final Instant last = refilled.getOrDefault(family, now);
    final double elapsed = Duration.between(last, now).toNanos() / 1e9;
    final double available =
        Math.min(
            rate.burst(),
            tokens.getOrDefault(family, (double) rate.burst()) + elapsed * rate.perSecond());
    refilled.put(family, now);
    if (available < 1.0) {
      tokens.put(family, available);
      throw THROTTLED.violated();
    }
    tokens.put(family, available - 1.0);
  }
}
