package com.org.sagemaker.runner;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the newest JDK on the machine, for the second run of the end-to-end lifecycle tests
 * (local-runner's pom, execution lifecycle-on-newest-jdk): the handler jars are Java 17 bytecode
 * and must also work on the newer Lambda Java runtimes. Looks beside the JDK running the build (the
 * parent of java.home: /usr/lib/jvm on Debian, SDKMAN's candidates/java, ~/.jdks) and where the
 * environment points (JAVA_HOME, and JAVA_HOME_25_X64 or JAVA25_HOME as CI images name them). A JDK
 * is a folder with bin/java and a release file giving JAVA_VERSION.
 *
 * <p>Maven cannot take a property from a step of the same build without a plugin this project does
 * not otherwise need, so this writes files the pom names instead: {@code newest-jdk}, a link to the
 * JDK's home (surefire runs its {@code bin/java}), and {@code newest-jdk-excludes.txt}, empty, or
 * excluding every test, with a loud line in the build log, when nothing newer than the running JDK
 * exists. Usage: {@code NewestJdk <target dir>}.
 */
public final class NewestJdk {

  private static final Pattern VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"([^\"]+)\"");
  private static final Pattern HOME_VARIABLE = Pattern.compile("JAVA_HOME.*|JAVA[0-9]+_HOME");

  /** A JDK found: its home and version. */
  record Jdk(Path home, Runtime.Version version) {}

  private NewestJdk() {}

  public static void main(final String[] args) throws IOException {
    System.out.println(
        prepare(
            Path.of(args[0]),
            Path.of(System.getProperty("java.home")),
            Runtime.version(),
            System.getenv()));
  }

  /** Writes the link and the excludes file into {@code target}; returns what to log. */
  static String prepare(
      final Path target,
      final Path running,
      final Runtime.Version current,
      final Map<String, String> environment)
      throws IOException {
    final Optional<Jdk> newest =
        newest(candidates(running, environment)).filter(jdk -> isNewer(jdk, current));
    Files.createDirectories(target);
    final Path link = target.resolve("newest-jdk");
    Files.deleteIfExists(link);
    Files.createSymbolicLink(link, newest.map(Jdk::home).orElse(running).toAbsolutePath());
    Files.writeString(
        target.resolve("newest-jdk-excludes.txt"), newest.isPresent() ? "" : "**/*\n");
    if (newest.isPresent()) {
      return String.format(
          "The end-to-end lifecycle tests also run on JDK %s (%s)",
          newest.get().version(), newest.get().home());
    }
    final String stars = "*".repeat(78);
    return String.format(
        "%s%nSKIPPED: no JDK newer than %s beside %s or in JAVA_HOME* / JAVA<N>_HOME:%n"
            + "the end-to-end lifecycle tests run on Java %d only.%n%s",
        stars, current, running.toAbsolutePath().getParent(), current.feature(), stars);
  }

  static boolean isNewer(final Jdk jdk, final Runtime.Version current) {
    return jdk.version().feature() > current.feature();
  }

  /** The folders that may be JDKs: the running one's siblings, and the environment's. */
  static List<Path> candidates(final Path runningHome, final Map<String, String> environment)
      throws IOException {
    final Set<Path> candidates = new LinkedHashSet<>();
    final Path parent = runningHome.toAbsolutePath().getParent();
    if (parent != null) {
      try (DirectoryStream<Path> siblings = Files.newDirectoryStream(parent)) {
        siblings.forEach(candidates::add);
      }
    }
    environment.entrySet().stream()
        .filter(variable -> HOME_VARIABLE.matcher(variable.getKey()).matches())
        .map(variable -> Path.of(variable.getValue()))
        .sorted()
        .forEach(candidates::add);
    return new ArrayList<>(candidates);
  }

  /** The newest JDK among the candidates, if any is one. */
  static Optional<Jdk> newest(final List<Path> candidates) throws IOException {
    final List<Jdk> jdks = new ArrayList<>();
    for (final Path candidate : candidates) {
      read(candidate).ifPresent(jdks::add);
    }
    return jdks.stream().max(Comparator.comparing(Jdk::version));
  }

  static Optional<Jdk> read(final Path home) throws IOException {
    final Path release = home.resolve("release");
    if (!Files.isRegularFile(release) || !Files.isExecutable(home.resolve("bin/java"))) {
      return Optional.empty();
    }
    final Matcher version = VERSION.matcher(Files.readString(release));
    try {
      return version.find()
          ? Optional.of(new Jdk(home, Runtime.Version.parse(version.group(1))))
          : Optional.empty();
    } catch (final IllegalArgumentException e) {
      return Optional.empty(); // 1.8.0_402 and older schemes: not a newer JDK anyway
    }
  }
}
