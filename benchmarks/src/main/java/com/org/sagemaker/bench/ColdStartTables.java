package com.org.sagemaker.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cold-start section of the report: every case measured, ours against AWS's native handler when
 * it was measured in the same run, and against Python + boto3.
 */
final class ColdStartTables {

  static final String NATIVE_NOT_MEASURED =
      "AWS's native `AWS::SageMaker::Domain` handler: not measured in this run. `./bench --native"
          + " JAR` measures it by the same method, interleaved with ours; docs/performance.md"
          + " says how to build the jar.";

  private final Map<ColdStart.Case, List<ColdStart.Run>> coldStarts;
  private final List<ColdStart.Run> python;

  ColdStartTables(
      final Map<ColdStart.Case, List<ColdStart.Run>> coldStarts, final List<ColdStart.Run> python) {
    this.coldStarts = coldStarts;
    this.python = python;
  }

  void appendTo(final StringBuilder out) {
    measured(out);
    againstNative(out);
    againstPython(out);
  }

  private void measured(final StringBuilder out) {
    out.append("\n### Cold start: a fresh process answering one READ\n\n")
        .append("Median (min–max) of ")
        .append(coldStarts.values().iterator().next().size())
        .append(
            " fresh processes per row, interleaved; warm READs are the calls that followed in"
                + " the same process.\n\n")
        .append(
            "| handler | build | JVM | start to response (ms) | peak RSS (MB) | warm READ (ms) |\n")
        .append("|---|---|---|---|---|---|\n");
    coldStarts.forEach(
        (c, runs) -> {
          final List<Double> warm = new ArrayList<>();
          runs.forEach(run -> warm.addAll(run.warmMillis()));
          out.append(
              String.format(
                  "| %s | %s | %s | %s | %s | %s |%n",
                  c.handler().typeName(),
                  c.handler().build(),
                  c.jvm().name(),
                  Stats.of(coldMillis(runs)).format(0),
                  Stats.of(rss(runs)).format(0),
                  Stats.of(warm).format(1)));
        });
    if (python.isEmpty()) {
      out.append("| Python + boto3 DescribeDomain | | (python3 with boto3 not found) | | | |\n");
    } else {
      out.append(
          String.format(
              "| Python + boto3 DescribeDomain | | python3 | %s | %s | |%n",
              Stats.of(coldMillis(python)).format(0), Stats.of(rss(python)).format(0)));
    }
  }

  /**
   * Our domain handler against the native one under the same JVM set-up: both answered the same
   * READ of the same domain, started one after the other in every round.
   */
  private void againstNative(final StringBuilder out) {
    out.append("\n### Cold start against AWS's native handler\n\n");
    final Map<ColdStart.Jvm, List<ColdStart.Run>> nativeRuns = new LinkedHashMap<>();
    coldStarts.forEach(
        (c, runs) -> {
          if (NativeJar.TYPE_NAME.equals(c.handler().typeName())) {
            nativeRuns.put(c.jvm(), runs);
          }
        });
    if (nativeRuns.isEmpty()) {
      out.append(NATIVE_NOT_MEASURED).append('\n');
      return;
    }
    out.append(
            "Both handlers answered a READ of the same domain (`DomainId`, the identifier of both"
                + " schemas) on the same emulator, started alternately within each round. Ratio"
                + " of the medians, then the median (min–max) of the rounds' own ratios, each of"
                + " ours over the native start that ran next to it: the run's spread.\n\n")
        .append(
            "| handler | build | JVM | start to response (ms): ours / native | time ratio |"
                + " time ratio per round | peak RSS ratio |\n")
        .append("|---|---|---|---|---|---|---|\n");
    coldStarts.forEach(
        (c, runs) -> {
          final List<ColdStart.Run> natives = nativeRuns.get(c.jvm());
          if (natives != null
              && c.handler()
                  .typeName()
                  .equals(com.org.sagemaker.runner.studio.StudioTypes.DOMAIN)) {
            out.append(
                String.format(
                    Locale.ROOT,
                    "| %s | %s | %s | %.0f / %.0f | %.2f | %s | %.2f |%n",
                    c.handler().typeName(),
                    c.handler().build(),
                    c.jvm().name(),
                    Stats.of(coldMillis(runs)).median(),
                    Stats.of(coldMillis(natives)).median(),
                    ratioOfMedians(coldMillis(runs), coldMillis(natives)),
                    Stats.of(pairedRatios(coldMillis(runs), coldMillis(natives))).format(2),
                    ratioOfMedians(rss(runs), rss(natives))));
          }
        });
  }

  private void againstPython(final StringBuilder out) {
    if (python.isEmpty()) {
      return;
    }
    out.append("\nRatios of medians against Python + boto3 (time, memory):\n\n")
        .append("| handler | build | JVM | vs Python + boto3 |\n")
        .append("|---|---|---|---|\n");
    coldStarts.forEach(
        (c, runs) ->
            out.append(
                String.format(
                    Locale.ROOT,
                    "| %s | %s | %s | %.1f, %.1f |%n",
                    c.handler().typeName(),
                    c.handler().build(),
                    c.jvm().name(),
                    ratioOfMedians(coldMillis(runs), coldMillis(python)),
                    ratioOfMedians(rss(runs), rss(python)))));
  }

  static double ratioOfMedians(final List<Double> ours, final List<Double> theirs) {
    return Stats.of(ours).median() / Stats.of(theirs).median();
  }

  /** Each round's ratio: the n-th of ours over the n-th of theirs, which ran beside it. */
  static List<Double> pairedRatios(final List<Double> ours, final List<Double> theirs) {
    final List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < Math.min(ours.size(), theirs.size()); i++) {
      ratios.add(ours.get(i) / theirs.get(i));
    }
    return ratios;
  }

  private static List<Double> coldMillis(final List<ColdStart.Run> runs) {
    return runs.stream().map(ColdStart.Run::coldMillis).toList();
  }

  private static List<Double> rss(final List<ColdStart.Run> runs) {
    return runs.stream().map(ColdStart.Run::peakRssMegabytes).toList();
  }
}
