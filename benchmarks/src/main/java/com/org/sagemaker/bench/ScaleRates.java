package com.org.sagemaker.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The request rates the scale benchmark's emulator enforces, per operation family. SageMaker does
 * not publish its per-operation rates, so these are the benchmark's assumption, not AWS's numbers
 * (docs/performance.md says how they were chosen); {@code ./bench --scale-rates} replaces them.
 */
final class ScaleRates {

  /** One family's token bucket: refilled {@code perSecond} tokens a second up to {@code burst}. */
  record Rate(String family, double perSecond, int burst) {

    /** As the command line and the report write it: {@code Describe=20/100}. */
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%s=%s/%d", family, number(perSecond), burst);
    }

    /** For the report: {@code Describe 20/s, burst 100}. */
    String describe() {
      return String.format(Locale.ROOT, "%s %s/s, burst %d", family, number(perSecond), burst);
    }

    private static String number(final double value) {
      return value == Math.rint(value)
          ? Long.toString((long) value)
          : String.format(Locale.ROOT, "%s", value);
    }
  }

  static final Set<String> FAMILIES = Set.of("Describe", "List", "Tags", "Mutate");

  /**
   * Read calls get the bucket EC2 publishes for its non-mutating actions (100 tokens, 20 a second,
   * ec2/latest/devguide/ec2-api-throttling.html), but one bucket per family, not per action:
   * DescribeDomain and DescribeUserProfile draw on the same one. Writes get a quarter of that
   * refill rate. An assumption to be replaced when SageMaker's real rates are known.
   */
  static final String DEFAULT = "Describe=20/100,List=20/100,Tags=10/50,Mutate=5/50";

  private ScaleRates() {}

  /** Parses {@code Family=perSecond/burst,...}. */
  static List<Rate> parse(final String text) {
    final List<Rate> rates = new ArrayList<>();
    for (final String part : text.split(",")) {
      final String[] familyAndRate = part.strip().split("=", 2);
      final String[] rateAndBurst =
          familyAndRate.length == 2 ? familyAndRate[1].split("/", 2) : new String[0];
      if (rateAndBurst.length != 2 || !FAMILIES.contains(familyAndRate[0])) {
        throw new IllegalArgumentException(
            "a rate is Family=perSecond/burst with Family one of "
                + new java.util.TreeSet<>(FAMILIES)
                + ", e.g. Describe=20/100; got '"
                + part
                + "'");
      }
      final double perSecond = Double.parseDouble(rateAndBurst[0]);
      final int burst = Integer.parseInt(rateAndBurst[1]);
      if (perSecond <= 0 || burst < 1) {
        throw new IllegalArgumentException("a rate needs perSecond > 0 and burst >= 1: " + part);
      }
      rates.add(new Rate(familyAndRate[0], perSecond, burst));
    }
    return List.copyOf(rates);
  }
}
