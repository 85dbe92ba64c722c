package com.org.sagemaker.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scale section: for each build of the handlers (this checkout's jars, and an earlier one's
 * with {@code --before}), a fresh JVM ({@link ScaleProbe}) deploys and deletes stacks of 1 domain
 * and N user profiles ({@link ScaleRun}). A JVM of their own, because the handlers keep one
 * SageMaker client per process, built from the process's settings on first use: here it must reach
 * the rate-limited emulator, with the SDK's own retries off unless asked for (docs/performance.md
 * says why), while the other sections' handlers keep Lambda's defaults.
 */
final class Scale {

  /** The handler jars of one build, and how the report names it. */
  record Build(String label, Path domainJar, Path profileJar) {}

  /** What every build runs; {@code sdkRetries} leaves the SDK's own retries on. */
  record Settings(
      List<ScaleRates.Rate> rates,
      int workers,
      List<Integer> sizes,
      int runs,
      boolean sdkRetries) {}

  /** The runs of one build at one size. */
  record Row(String build, int profiles, List<ScaleRun.Result> runs) {}

  /** Everything the section measured, with what it ran under. */
  record Measurement(Settings settings, List<Row> rows) {}

  private final Path scratch;
  private final Settings settings;

  Scale(final Path scratch, final Settings settings) {
    this.scratch = scratch;
    this.settings = settings;
  }

  Measurement measure(final List<Build> builds) throws IOException, InterruptedException {
    final List<Row> rows = new ArrayList<>();
    for (final Build build : builds) {
      final Map<Integer, List<ScaleRun.Result>> bySize = new LinkedHashMap<>();
      for (final ScaleRun.Result result : run(build)) {
        bySize.computeIfAbsent(result.profiles(), size -> new ArrayList<>()).add(result);
      }
      bySize.forEach((size, runs) -> rows.add(new Row(build.label(), size, runs)));
    }
    return new Measurement(settings, rows);
  }

  private List<ScaleRun.Result> run(final Build build) throws IOException, InterruptedException {
    final List<String> command =
        List.of(
            ProcessHandle.current().info().command().orElse("java"),
            // The wrapper empties java.io.tmpdir on every call.
            "-Djava.io.tmpdir=" + Files.createDirectories(scratch.resolve("scale-tmp")),
            "-cp",
            String.join(
                File.pathSeparator,
                build.domainJar().toString(),
                build.profileJar().toString(),
                System.getProperty("java.class.path")),
            ScaleProbe.class.getName(),
            String.join(",", settings.rates().stream().map(ScaleRates.Rate::toString).toList()),
            Integer.toString(settings.workers()),
            String.join(",", settings.sizes().stream().map(String::valueOf).toList()),
            Integer.toString(settings.runs()),
            Boolean.toString(settings.sdkRetries()));
    final ProcessBuilder builder =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
    // Nothing of this machine's AWS or JVM settings: the emulator and the SDK's defaults only.
    builder.environment().keySet().removeIf(n -> n.startsWith("AWS_") || n.startsWith("JAVA_"));
    builder.environment().put("HOME", scratch.toString());
    final Process process = builder.start();
    final List<ScaleRun.Result> results = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith(ScaleProbe.RESULT)) {
          results.add(
              BenchAccount.JSON.readValue(
                  line.substring(ScaleProbe.RESULT.length()), ScaleRun.Result.class));
        }
      }
    }
    final int expected = settings.sizes().size() * settings.runs();
    if (process.waitFor() != 0 || results.size() != expected) {
      throw new IllegalStateException(
          "the scale run of "
              + build.label()
              + " ended with exit code "
              + process.exitValue()
              + " after "
              + results.size()
              + " of "
              + expected
              + " stacks");
    }
    return results;
  }
}
