package com.org.sagemaker.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
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
        "Measures cold start, handler jar size, stabilization cost and List scaling of both"
            + " types against the embedded emulator, and writes the results between the"
            + " bench markers of the output file.")
public final class Bench implements Callable<Integer> {

  /** The benchmarks, each a section of the report. */
  enum Section {
    COLD_START,
    JAR_SIZE,
    STABILIZATION,
    LIST_SCALING
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
              + " alongside, interleaved, for a before/after comparison.")
  Path before;

  @Option(
      names = "--output",
      defaultValue = "docs/performance.md",
      description = "Rewritten between its bench markers; '-' prints the tables instead.")
  String output;

  private static final String DOMAIN = com.org.sagemaker.runner.ResourceTypes.DOMAIN;
  private static final String PROFILE = com.org.sagemaker.runner.ResourceTypes.USER_PROFILE;

  private final long started = System.nanoTime();

  public static void main(final String[] args) {
    System.exit(new CommandLine(new Bench()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    final Set<Section> sections = only == null ? EnumSet.allOf(Section.class) : only;
    final Path scratch = Files.createTempDirectory("studio-bench");
    final Report report = new Report(String.join(" ", commandLine()));
    try (BenchAccount account = new BenchAccount(com.org.sagemaker.emulator.Timings.REALISTIC)) {
      if (sections.contains(Section.COLD_START)) {
        progress("cold start: " + runs + " fresh JVMs per case");
        coldStart(account, scratch, report);
      }
      if (sections.contains(Section.JAR_SIZE)) {
        report.jarSizes(List.of(JarSize.of(domainJar, 8), JarSize.of(profileJar, 8)));
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
    deleteRecursively(scratch);
    final String tables = report.toMarkdown();
    if ("-".equals(output)) {
      System.out.println(tables);
    } else {
      Report.writeBetweenMarkers(Path.of(output), tables);
      progress("wrote " + output);
    }
    return 0;
  }

  private void coldStart(final BenchAccount account, final Path scratch, final Report report)
      throws IOException, InterruptedException {
    final String domainId = account.domainInService("cold-start");
    account.profileInService(domainId, "cold-start");
    final Path domainRead =
        readRequest(account, scratch, DOMAIN, "{\"DomainId\": \"" + domainId + "\"}");
    final Path profileRead =
        readRequest(
            account,
            scratch,
            PROFILE,
            "{\"DomainId\": \"" + domainId + "\", \"UserProfileName\": \"cold-start\"}");
    final String build = "this checkout: " + Git.describe(Path.of("."));
    final List<ColdStart.Case> cases = new ArrayList<>();
    for (final ColdStart.Jvm jvm : List.of(ColdStart.Jvm.LAMBDA, ColdStart.Jvm.PLAIN)) {
      cases.add(new ColdStart.Case(DOMAIN, build, jvm, domainJar, domainRead));
      cases.add(new ColdStart.Case(PROFILE, build, jvm, profileJar, profileRead));
      if (before != null) {
        final String earlier = "before: " + Git.describe(before);
        cases.add(new ColdStart.Case(DOMAIN, earlier, jvm, before.resolve(domainJar), domainRead));
        cases.add(
            new ColdStart.Case(PROFILE, earlier, jvm, before.resolve(profileJar), profileRead));
      }
    }
    final ColdStart coldStart = new ColdStart(scratch, account.emulator.endpoint());
    report.coldStart(coldStart.java(cases, runs, warm));
    report.python(coldStart.python(domainId, runs));
  }

  /** A READ HandlerRequest as CloudFormation sends it, in a file for the child process. */
  private static Path readRequest(
      final BenchAccount account, final Path scratch, final String name, final String model)
      throws IOException {
    final String typeName =
        "domain".equals(name)
            ? "Org::SageMaker::StudioDomain"
            : "Org::SageMaker::StudioUserProfile";
    final Path file = scratch.resolve(name + "-read.json");
    Files.writeString(
        file,
        account
            .invoker
            .firstPayload(
                com.org.sagemaker.runner.HandlerInvoker.Request.of(
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

  private List<String> commandLine() {
    final List<String> words = new java.util.ArrayList<>(List.of("./bench"));
    if (only != null) {
      words.add("--only");
      words.add(String.join(",", only.stream().map(Enum::name).toList()));
    }
    if (before != null) {
      words.add("--before");
      words.add(before.toString());
    }
    words.add("--runs");
    words.add(Integer.toString(runs));
    return words;
  }

  private void progress(final String message) {
    System.err.printf("bench [%3ds]: %s%n", (System.nanoTime() - started) / 1_000_000_000, message);
  }
}
