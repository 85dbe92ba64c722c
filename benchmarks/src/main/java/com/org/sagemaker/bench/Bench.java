package com.org.sagemaker.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./bench}: runs the benchmarks and writes their tables into docs/performance.md. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description =
        "Measures cold start, handler jar size, stabilization cost, List scaling and a stack of"
            + " a domain and many user profiles under rate limits against the embedded emulator,"
            + " and writes the results between the bench markers of the output file.")
public final class Bench implements Callable<Integer> {

  /** The benchmarks, each a section of the report. */
  enum Section {
    COLD_START,
    JAR_SIZE,
    STABILIZATION,
    LIST_SCALING,
    SCALE
  }

  @Option(names = "--runs", defaultValue = "10", description = "Fresh JVMs per cold-start case.")
  int runs;

  @Option(names = "--warm", defaultValue = "20", description = "Warm READs after each cold one.")
  int warm;

  @Option(
      names = "--only",
      split = ",",
      description = "Sections to run (default all): ${COMPLETION-CANDIDATES}.")
  Set<Section> only;

  @Option(
      names = "--scale-sizes",
      split = ",",
      defaultValue = "10,50,200",
      description = "SCALE: user profiles per stack (default ${DEFAULT-VALUE}).")
  List<Integer> scaleSizes;

  @Option(
      names = "--scale-runs",
      defaultValue = "3",
      description = "SCALE: stacks per size, deployed and deleted one after the other.")
  int scaleRuns;

  @Option(
      names = "--scale-workers",
      defaultValue = "4",
      description =
          "SCALE: handler invocations the runner makes at once (default ${DEFAULT-VALUE}, as"
              + " studio-local's --parallel).")
  int scaleWorkers;

  @Option(
      names = "--scale-rates",
      defaultValue = ScaleRates.DEFAULT,
      description =
          "SCALE: the emulator's request rates, Family=perSecond/burst per family (Describe,"
              + " List, Tags, Mutate); default ${DEFAULT-VALUE}, the benchmark's assumption"
              + " (docs/performance.md).")
  String scaleRates;

  @Option(
      names = "--scale-sdk-retries",
      description =
          "SCALE: leave the SDK's own retries on, as in Lambda. They wait in real time while the"
              + " emulator's clock stands still, so each retry meets the same empty bucket: more"
              + " throttled calls and a much longer run, the same SageMaker time.")
  boolean scaleSdkRetries;

  @Option(
      names = "--domain-jar",
      defaultValue = "studio-domain/target/org-sagemaker-studiodomain-handler-1.0-SNAPSHOT.jar")
  Path domainJar;

  @Option(
      names = "--profile-jar",
      defaultValue =
          "studio-userprofile/target/org-sagemaker-studiouserprofile-handler-1.0-SNAPSHOT.jar")
  Path profileJar;

  @Option(
      names = "--before",
      description =
          "A checkout of an earlier commit, its handler jars built: its cold starts are measured"
              + " alongside, interleaved, and its handlers run the scale section too, for a"
              + " before/after comparison.")
  Path before;

  @Option(
      names = "--native",
      paramLabel = "JAR",
      description =
          "AWS's AWS::SageMaker::Domain handler jar, built from"
              + " aws-cloudformation-resource-providers-sagemaker (docs/performance.md says how):"
              + " its cold start is measured by the same method, interleaved with ours, and its"
              + " size beside ours. Without it the report says 'not measured'.")
  Path nativeJar;

  @Option(
      names = "--output",
      defaultValue = "docs/performance.md",
      description = "Rewritten between its bench markers; '-' prints the tables instead.")
  String output;

  private static final String DOMAIN = com.org.sagemaker.runner.studio.StudioTypes.DOMAIN;
  private static final String PROFILE = com.org.sagemaker.runner.studio.StudioTypes.USER_PROFILE;

  private final long started = System.nanoTime();

  public static void main(final String[] args) {
    System.exit(new CommandLine(new Bench()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    final Set<Section> sections = only == null ? EnumSet.allOf(Section.class) : only;
    final Report report = new Report(String.join(" ", commandLine()));
    // Checked before anything runs: a wrong jar fails at once, not after minutes of measuring.
    final Optional<NativeJar> nativeHandler =
        nativeJar == null ? Optional.empty() : Optional.of(NativeJar.of(nativeJar));
    nativeHandler.ifPresent(report::nativeJar);
    final Path scratch = Files.createTempDirectory("studio-bench");
    try (BenchAccount account = new BenchAccount(com.org.sagemaker.emulator.Timings.REALISTIC)) {
      if (sections.contains(Section.COLD_START)) {
        progress("cold start: " + runs + " fresh JVMs per case");
        coldStart(account, scratch, report, nativeHandler);
      }
      if (sections.contains(Section.JAR_SIZE)) {
        report.jarSizes(
            List.of(JarSize.of(domainJar, 8), JarSize.of(profileJar, 8)),
            nativeJar == null ? Optional.empty() : Optional.of(JarSize.of(nativeJar, 8)));
      }
      if (sections.contains(Section.STABILIZATION)) {
        progress("stabilization cost on the simulated clock");
        report.stabilization(new StabilizationCost(account).measure());
      }
      if (sections.contains(Section.LIST_SCALING)) {
        progress("List over " + ListScaling.SIZES + " domains and user profiles");
        report.listScaling(new ListScaling(account).measure());
      }
    }
    if (sections.contains(Section.SCALE)) {
      progress("a domain and " + scaleSizes + " user profiles under rate limits, virtual clock");
      report.scale(scale(scratch));
    }
    deleteRecursively(scratch);
    write(report, sections);
    return 0;
  }

  private Scale.Measurement scale(final Path scratch) throws IOException, InterruptedException {
    final List<Scale.Build> builds = new ArrayList<>();
    builds.add(
        new Scale.Build("this checkout: " + Git.describe(Path.of(".")), domainJar, profileJar));
    if (before != null) {
      builds.add(
          new Scale.Build(
              "before: " + Git.describe(before),
              before.resolve(domainJar),
              before.resolve(profileJar)));
    }
    return new Scale(
            scratch,
            new Scale.Settings(
                ScaleRates.parse(scaleRates),
                scaleWorkers,
                List.copyOf(scaleSizes),
                scaleRuns,
                scaleSdkRetries))
        .measure(builds);
  }

  /** The scale section between its own markers, everything else between the bench markers. */
  private void write(final Report report, final Set<Section> sections) throws IOException {
    final boolean others = !EnumSet.of(Section.SCALE).containsAll(sections);
    final boolean scaled = sections.contains(Section.SCALE);
    if ("-".equals(output)) {
      if (others) {
        System.out.println(report.toMarkdown());
      }
      if (scaled) {
        System.out.println(report.scaleMarkdown());
      }
      return;
    }
    if (others) {
      Report.writeBetweenMarkers(Path.of(output), report.toMarkdown());
    }
    if (scaled) {
      Report.writeBetweenMarkers(
          Path.of(output), Report.SCALE_BEGIN, Report.SCALE_END, report.scaleMarkdown());
    }
    progress("wrote " + output);
  }

  private void coldStart(
      final BenchAccount account,
      final Path scratch,
      final Report report,
      final Optional<NativeJar> nativeHandler)
      throws IOException, InterruptedException {
    final String domainId = account.domainInService("cold-start");
    account.profileInService(domainId, "cold-start");
    // DomainId is the primary identifier of our domain schema and of the native one alike.
    final String domainModel = "{\"DomainId\": \"" + domainId + "\"}";
    final Path domainRead = readRequest(account, scratch, DOMAIN, domainModel);
    final Path profileRead =
        readRequest(
            account,
            scratch,
            PROFILE,
            "{\"DomainId\": \"" + domainId + "\", \"UserProfileName\": \"cold-start\"}");
    // One round starts each in this order: the native handler right after our domain handler.
    final Map<ColdStart.Handler, Path> reads = new LinkedHashMap<>();
    final String build = "this checkout: " + Git.describe(Path.of("."));
    reads.put(ColdStart.Handler.ours(DOMAIN, build, domainJar), domainRead);
    if (nativeHandler.isPresent()) {
      reads.put(
          nativeHandler.get().handler(),
          readRequest(account, scratch, NativeJar.TYPE_NAME, domainModel));
    }
    reads.put(ColdStart.Handler.ours(PROFILE, build, profileJar), profileRead);
    if (before != null) {
      final String earlier = "before: " + Git.describe(before);
      reads.put(ColdStart.Handler.ours(DOMAIN, earlier, before.resolve(domainJar)), domainRead);
      reads.put(ColdStart.Handler.ours(PROFILE, earlier, before.resolve(profileJar)), profileRead);
    }
    final List<ColdStart.Case> cases = new ArrayList<>();
    for (final ColdStart.Jvm jvm : List.of(ColdStart.Jvm.LAMBDA, ColdStart.Jvm.PLAIN)) {
      reads.forEach((handler, read) -> cases.add(new ColdStart.Case(handler, jvm, read)));
    }
    final ColdStart coldStart = new ColdStart(scratch, account.emulator.endpoint());
    report.coldStart(coldStart.java(cases, runs, warm));
    report.python(coldStart.python(domainId, runs));
  }

  /** A READ HandlerRequest as CloudFormation sends it, in a file for the child process. */
  private static Path readRequest(
      final BenchAccount account, final Path scratch, final String typeName, final String model)
      throws IOException {
    final Path file = scratch.resolve(typeName.replace("::", "-") + "-read.json");
    Files.writeString(
        file,
        account
            .invoker
            .firstPayload(
                com.org.sagemaker.runner.engine.HandlerInvoker.Request.of(
                    "READ", typeName, "Resource", BenchAccount.JSON.readTree(model)))
            .toString(),
        StandardCharsets.UTF_8);
    return file;
  }

  private static void deleteRecursively(final Path folder) throws IOException {
    try (java.util.stream.Stream<Path> paths = Files.walk(folder)) {
      for (final Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  List<String> commandLine() {
    final List<String> words = new java.util.ArrayList<>(List.of("./bench"));
    if (only != null) {
      words.add("--only");
      words.add(String.join(",", only.stream().map(Enum::name).toList()));
    }
    // The report never carries a local path: a checkout by its commit, a jar by its file name.
    if (before != null) {
      words.add("--before");
      words.add("<checkout of " + Git.describe(before) + ">");
    }
    if (nativeJar != null) {
      words.add("--native");
      words.add(String.valueOf(nativeJar.getFileName()));
    }
    if (only == null || only.contains(Section.COLD_START)) {
      words.add("--runs");
      words.add(Integer.toString(runs));
    }
    if (only == null || only.contains(Section.SCALE)) {
      words.addAll(
          List.of(
              "--scale-sizes",
              String.join(",", scaleSizes.stream().map(String::valueOf).toList()),
              "--scale-runs",
              Integer.toString(scaleRuns),
              "--scale-workers",
              Integer.toString(scaleWorkers),
              "--scale-rates",
              scaleRates));
      if (scaleSdkRetries) {
        words.add("--scale-sdk-retries");
      }
    }
    return words;
  }

  private void progress(final String message) {
    System.err.printf("bench [%3ds]: %s%n", (System.nanoTime() - started) / 1_000_000_000, message);
  }
}
