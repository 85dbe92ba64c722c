package com.org.sagemaker.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Cold start of a handler: a fresh process answering one READ against the emulator, timed from
 * process start to the response, with its peak resident memory; then warm READs in that process.
 */
final class ColdStart {

  /** How the child JVM is started. */
  record Jvm(String name, List<String> flags) {

    /**
     * Lambda's java17 runtime stops tiered compilation at C1 and uses the serial collector
     * (docs.aws.amazon.com/lambda/latest/dg/java-customization.html); MaxRAM stands in for the
     * function's 256 MB memory limit (template.yml), which sizes the heap. A registry type's author
     * cannot add flags: CloudFormation owns the function.
     */
    static final Jvm LAMBDA =
        new Jvm(
            "Lambda java17 flags, 256 MB",
            List.of("-XX:MaxRAM=256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));

    /** A plain `java` with no flags, as the reference numbers in issue 7 were taken. */
    static final Jvm PLAIN = new Jvm("plain JVM, default flags", List.of());
  }

  /** One fresh process: time to its first response, its peak RSS then, and its warm calls. */
  record Run(double coldMillis, double peakRssMegabytes, List<Double> warmMillis) {}

  private final Path scratch;
  private final URI endpoint;

  ColdStart(final Path scratch, final URI endpoint) {
    this.scratch = scratch;
    this.endpoint = endpoint;
  }

  /** A handler jar to start cold: its type, which build it is, and the class Lambda calls in it. */
  record Handler(String typeName, String build, Path jar, String wrapperClass) {

    /** One of this repository's types, whose wrapper `model-codegen` generates. */
    static Handler ours(final String typeName, final String build, final Path jar) {
      return new Handler(
          typeName,
          build,
          jar,
          "com.org.sagemaker."
              + (typeName.endsWith("StudioDomain") ? "studiodomain" : "studiouserprofile")
              + ".HandlerWrapper");
    }
  }

  /** One thing to start cold: a handler under a JVM configuration, answering a READ request. */
  record Case(Handler handler, Jvm jvm, Path request) {}

  /**
   * Starts every case {@code runs} times, interleaved so that whatever else the machine does falls
   * on all of them alike, after one unmeasured start of each (the emulator's own first answers are
   * slower).
   */
  Map<Case, List<Run>> java(final List<Case> cases, final int runs, final int warm)
      throws IOException, InterruptedException {
    final Path probe = probeClassPath();
    final Map<Case, List<Run>> results = new LinkedHashMap<>();
    for (final Case c : cases) {
      run(command(c, probe, 0));
      results.put(c, new ArrayList<>());
    }
    for (int i = 0; i < runs; i++) {
      for (final Case c : cases) {
        results.get(c).add(run(command(c, probe, warm)));
      }
    }
    return results;
  }

  private List<String> command(final Case c, final Path probe, final int warm) throws IOException {
    final List<String> command = new ArrayList<>();
    command.add(javaExecutable());
    command.addAll(c.jvm().flags());
    // The wrapper empties java.io.tmpdir on every call.
    command.add("-Djava.io.tmpdir=" + Files.createDirectories(scratch.resolve("handler-tmp")));
    command.addAll(
        List.of(
            "-cp",
            c.handler().jar() + java.io.File.pathSeparator + probe,
            ColdStartProbe.class.getName(),
            c.handler().wrapperClass(),
            c.request().toString(),
            Integer.toString(warm)));
    return command;
  }

  /**
   * The same Describe from Python with boto3, when this machine has them (the build never needs
   * them); empty otherwise.
   */
  List<Run> python(final String domainId, final int runs) throws IOException, InterruptedException {
    if (!pythonWithBoto3()) {
      return List.of();
    }
    final Path script = scratch.resolve("describe_domain.py");
    Files.writeString(
        script,
        String.join(
            "\n",
            "import sys",
            "import boto3",
            "client = boto3.client('sagemaker', region_name='us-east-1',",
            "    aws_access_key_id='AKIDBENCH', aws_secret_access_key='bench-secret')",
            "client.describe_domain(DomainId=sys.argv[1])",
            // VmHWM, as the Java probe reads it: ru_maxrss would also count the memory of the
            // JVM that spawned this process, which Linux carries across exec.
            "hwm = [l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')][0]",
            "print('RESPONSE SUCCESS', hwm, flush=True)",
            ""));
    final List<Run> results = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      results.add(run(List.of("python3", script.toString(), domainId)));
    }
    return results;
  }

  private boolean pythonWithBoto3() throws InterruptedException {
    try {
      final Process check =
          new ProcessBuilder("python3", "-c", "import boto3").redirectErrorStream(true).start();
      check.getInputStream().readAllBytes();
      return check.waitFor(60, TimeUnit.SECONDS) && check.exitValue() == 0;
    } catch (final IOException e) {
      return false;
    }
  }

  private Run run(final List<String> command) throws IOException, InterruptedException {
    final ProcessBuilder builder =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
    // Only what Lambda would give the handler: a region and (here) the endpoint of SageMaker.
    final Map<String, String> environment = builder.environment();
    environment.keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("JAVA_"));
    environment.put("HOME", scratch.toString());
    environment.put("AWS_REGION", BenchAccount.REGION);
    environment.put("AWS_ENDPOINT_URL_SAGEMAKER", endpoint.toString());
    final long start = System.nanoTime();
    final Process process = builder.start();
    double coldMillis = -1;
    double peakRssMegabytes = 0;
    final List<Double> warmMillis = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        final String[] fields = line.split(" ");
        if ("RESPONSE".equals(fields[0])) {
          coldMillis = (System.nanoTime() - start) / 1e6;
          if (!"SUCCESS".equals(fields[1])) {
            throw new IllegalStateException(command + " answered " + line);
          }
          peakRssMegabytes = Long.parseLong(fields[2]) / 1024.0;
        } else if ("WARM".equals(fields[0])) {
          warmMillis.add(Long.parseLong(fields[1]) / 1000.0);
        }
      }
    }
    if (process.waitFor() != 0 || coldMillis < 0) {
      throw new IllegalStateException(command + " failed with exit code " + process.exitValue());
    }
    return new Run(coldMillis, peakRssMegabytes, warmMillis);
  }

  /** A folder holding only the probe class, so the child's class path is the handler jar and it. */
  private Path probeClassPath() throws IOException {
    final Path folder = scratch.resolve("probe");
    final String name = ColdStartProbe.class.getName().replace('.', '/') + ".class";
    Files.createDirectories(
        folder.resolve(ColdStartProbe.class.getPackageName().replace('.', '/')));
    try (InputStream in = ColdStart.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new UncheckedIOException(new IOException("missing " + name));
      }
      Files.write(folder.resolve(name), in.readAllBytes());
    }
    return folder;
  }

  private static String javaExecutable() {
    return ProcessHandle.current().info().command().orElse("java");
  }
}
