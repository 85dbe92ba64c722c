package com.org.sagemaker.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** The scale section's Markdown: SageMaker time against the physical limit, then the cost. */
final class ScaleTables {

  /** Issue 13's goal: 200 profiles within 1.2 times the physical limit, nothing failed. */
  static final int GOAL_PROFILES = 200;

  static final double GOAL_RATIO = 1.2;

  private static final List<String> FAMILIES = List.of("Describe", "List", "Tags", "Mutate");

  private final Scale.Measurement measurement;

  ScaleTables(final Scale.Measurement measurement) {
    this.measurement = measurement;
  }

  void appendTo(final StringBuilder out) {
    final Scale.Settings settings = measurement.settings();
    out.append(
            "\n### Scale: a domain and N user profiles through the parallel runner (virtual"
                + " clock)\n\n")
        .append(
            String.format(
                Locale.ROOT,
                "Each stack deployed, then deleted, through the runner's parallel execution (%d"
                    + " workers) and the real handlers, on the emulator with realistic durations"
                    + " and its request rates limited per operation family (the benchmark's"
                    + " assumption, not SageMaker's: %s); the SDK's own retries %s. Physical"
                    + " limit: create %d s (domain create + one profile create), delete %d s (one"
                    + " profile delete + domain delete). %d run(s) per row: median (max).%n%n",
                settings.workers(),
                String.join(
                    "; ", settings.rates().stream().map(ScaleRates.Rate::describe).toList()),
                settings.sdkRetries() ? "on, as in Lambda (real-time waits)" : "off",
                ScaleRun.CREATE_LIMIT.toSeconds(),
                ScaleRun.DELETE_LIMIT.toSeconds(),
                settings.runs()));
    timeTable(out);
    costTable(out);
    goal(out);
  }

  private void timeTable(final StringBuilder out) {
    out.append(
            "| handlers | profiles | create: SageMaker time (s) | vs limit | delete: SageMaker"
                + " time (s) | vs limit | InService after create (fewest) | failed resources |\n")
        .append("|---|---|---|---|---|---|---|---|\n");
    for (final Scale.Row row : measurement.rows()) {
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %s | %s | %s | %s | %d of %d | %d |%n",
              row.build(),
              row.profiles(),
              Report.medianMax(row.runs(), r -> r.create().seconds(), 0),
              Report.medianMax(row.runs(), r -> r.create().ratio(), 2),
              Report.medianMax(row.runs(), r -> r.delete().seconds(), 0),
              Report.medianMax(row.runs(), r -> r.delete().ratio(), 2),
              row.runs().stream().mapToInt(ScaleRun.Result::inService).min().orElse(0),
              row.profiles(),
              failed(row)));
    }
  }

  private void costTable(final StringBuilder out) {
    out.append(
            "\nMedians over the runs. API calls per profile are the stack's calls (the domain's"
                + " included, throttled ones too) over its profiles, by family: ")
        .append(String.join(" / ", FAMILIES))
        .append(".\n\n")
        .append(
            "| handlers | profiles | create: API calls per profile | throttled calls |"
                + " invocations | delete: API calls per profile | throttled calls | invocations"
                + " |\n")
        .append("|---|---|---|---|---|---|---|---|\n");
    for (final Scale.Row row : measurement.rows()) {
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %s | %s | %s | %s | %s | %s |%n",
              row.build(),
              row.profiles(),
              perProfile(row, true),
              median(row.runs(), r -> r.create().totalThrottled(), 0),
              median(row.runs(), r -> r.create().invocations(), 0),
              perProfile(row, false),
              median(row.runs(), r -> r.delete().totalThrottled(), 0),
              median(row.runs(), r -> r.delete().invocations(), 0)));
    }
  }

  /** Whether each build met the goal at {@link #GOAL_PROFILES}, if that size ran. */
  private void goal(final StringBuilder out) {
    final List<String> verdicts = new ArrayList<>();
    for (final Scale.Row row : measurement.rows()) {
      if (row.profiles() != GOAL_PROFILES) {
        continue;
      }
      final double create = Stats.of(values(row.runs(), r -> r.create().ratio())).max();
      final double delete = Stats.of(values(row.runs(), r -> r.delete().ratio())).max();
      final boolean clean = row.runs().stream().allMatch(ScaleRun.Result::clean);
      verdicts.add(
          String.format(
              Locale.ROOT,
              "%s: **%s** (worst run: create %.2f×, delete %.2f×, %s)",
              row.build(),
              clean && create <= GOAL_RATIO && delete <= GOAL_RATIO ? "met" : "not met",
              create,
              delete,
              clean ? "nothing failed" : "not every profile InService or something failed"));
    }
    if (!verdicts.isEmpty()) {
      out.append(
          String.format(
              Locale.ROOT,
              "%nGoal (issue 13): %d profiles within %.1f× of the physical limit, every profile"
                  + " InService and nothing failed. %s.%n",
              GOAL_PROFILES,
              GOAL_RATIO,
              String.join("; ", verdicts)));
    }
  }

  private static int failed(final Scale.Row row) {
    return row.runs().stream()
        .mapToInt(r -> r.create().failed().size() + r.delete().failed().size())
        .sum();
  }

  private static String perProfile(final Scale.Row row, final boolean create) {
    return String.join(
        " / ",
        FAMILIES.stream()
            .map(
                family ->
                    median(
                        row.runs(),
                        r ->
                            (double)
                                    (create ? r.create() : r.delete())
                                        .calls()
                                        .getOrDefault(family, 0)
                                / r.profiles(),
                        1))
            .toList());
  }

  private static <T> List<Double> values(final List<T> runs, final ToDoubleFunction<T> metric) {
    return runs.stream().map(metric::applyAsDouble).toList();
  }

  private static <T> String median(
      final List<T> runs, final ToDoubleFunction<T> metric, final int decimals) {
    return String.format(
        Locale.ROOT, "%." + decimals + "f", Stats.of(values(runs, metric)).median());
  }
}
