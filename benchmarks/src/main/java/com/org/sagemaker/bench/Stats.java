package com.org.sagemaker.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** Minimum, median and maximum of a series of measurements. */
record Stats(double min, double median, double max, int count) {

  static Stats of(final Collection<? extends Number> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no measurements");
    }
    final List<Double> sorted = new ArrayList<>();
    values.forEach(value -> sorted.add(value.doubleValue()));
    Collections.sort(sorted);
    final int n = sorted.size();
    final double median =
        n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    return new Stats(sorted.get(0), median, sorted.get(n - 1), n);
  }

  /** "median (min–max)", each with {@code decimals} decimals. */
  String format(final int decimals) {
    final String number = "%." + decimals + "f";
    return String.format(number + " (" + number + "–" + number + ")", median, min, max);
  }
}
