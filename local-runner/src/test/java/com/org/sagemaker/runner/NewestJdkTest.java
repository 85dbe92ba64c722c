package com.org.sagemaker.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the build finds the newest JDK for the second run of the lifecycle tests. */
class NewestJdkTest {

  @TempDir Path jvm;

  private Path jdk(final String name, final String release) throws IOException {
    final Path home = jvm.resolve(name);
    Files.createDirectories(home.resolve("bin"));
    Files.writeString(home.resolve("bin/java"), "#!/bin/sh\n");
    assertThat(home.resolve("bin/java").toFile().setExecutable(true)).isTrue();
    if (release != null) {
      Files.writeString(home.resolve("release"), release);
    }
    return home;
  }

  @Test
  void theNewestOfTheRunningJdksSiblingsWins() throws IOException {
    final Path running = jdk("java-17", "JAVA_VERSION=\"17.0.15\"\n");
    final Path newest = jdk("temurin-25", "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"25.0.3\"\n");
    jdk("jdk-21", "JAVA_VERSION=\"21.0.2\"\n");
    jdk("jdk-8", "JAVA_VERSION=\"1.8.0_402\"\n");
    jdk("no-release", null);
    Files.createDirectories(jvm.resolve("not-a-jdk"));

    final Optional<NewestJdk.Jdk> found =
        NewestJdk.newest(NewestJdk.candidates(running, Map.of("PATH", "/usr/bin")));

    assertThat(found).map(NewestJdk.Jdk::home).contains(newest);
    assertThat(NewestJdk.isNewer(found.get(), Runtime.Version.parse("17.0.15"))).isTrue();
    assertThat(NewestJdk.isNewer(found.get(), Runtime.Version.parse("25"))).isFalse();
  }

  @Test
  void ciVariablesPointAtJdksElsewhere(@TempDir final Path elsewhere) throws IOException {
    final Path running = jdk("java-17", "JAVA_VERSION=\"17.0.15\"\n");
    final Path ci = elsewhere.resolve("jdk-26");
    Files.createDirectories(ci.resolve("bin"));
    Files.writeString(ci.resolve("bin/java"), "");
    assertThat(ci.resolve("bin/java").toFile().setExecutable(true)).isTrue();
    Files.writeString(ci.resolve("release"), "JAVA_VERSION=\"26\"\n");

    assertThat(
            NewestJdk.newest(
                NewestJdk.candidates(
                    running, Map.of("JAVA_HOME_26_X64", ci.toString(), "OTHER", "/nowhere"))))
        .map(NewestJdk.Jdk::home)
        .contains(ci);
    assertThat(NewestJdk.candidates(running, Map.of("JAVA26_HOME", ci.toString()))).contains(ci);
  }

  @Test
  void linksTheNewestJdkForThePomAndRunsEveryLifecycleTestOnIt() throws IOException {
    final Path running = jdk("java-17", "JAVA_VERSION=\"17.0.15\"\n");
    final Path newest = jdk("temurin-25", "JAVA_VERSION=\"25.0.3\"\n");
    final Path target = jvm.resolve("project/target");

    NewestJdk.prepare(target, running, Runtime.Version.parse("17.0.15"), Map.of());
    final String log =
        NewestJdk.prepare(target, running, Runtime.Version.parse("17.0.15"), Map.of());

    assertThat(target.resolve("newest-jdk").toRealPath()).isEqualTo(newest.toRealPath());
    assertThat(target.resolve("newest-jdk/bin/java")).isExecutable();
    assertThat(target.resolve("newest-jdk-excludes.txt")).hasContent("");
    assertThat(log)
        .isEqualTo("The end-to-end lifecycle tests also run on JDK 25.0.3 (" + newest + ")");
  }

  @Test
  void withNothingNewerEveryTestIsExcludedAndTheLogSaysSoLoudly() throws IOException {
    final Path running = jdk("java-17", "JAVA_VERSION=\"17.0.15\"\n");
    final Path target = jvm.resolve("project/target");

    final String log =
        NewestJdk.prepare(target, running, Runtime.Version.parse("17.0.15"), Map.of());

    assertThat(target.resolve("newest-jdk").toRealPath()).isEqualTo(running.toRealPath());
    assertThat(target.resolve("newest-jdk-excludes.txt")).hasContent("**/*");
    assertThat(log)
        .startsWith("*".repeat(78))
        .contains("SKIPPED: no JDK newer than 17.0.15 beside " + jvm)
        .contains("run on Java 17 only");
  }
}
