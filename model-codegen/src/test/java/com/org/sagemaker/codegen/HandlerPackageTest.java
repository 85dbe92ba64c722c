package com.org.sagemaker.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The zip `cfn submit` uploads, written by the build: its entries, order and fixed bytes. */
class HandlerPackageTest {

  private static final HandlerPackage.Tools TOOLS = new HandlerPackage.Tools("0.2.39", "2.2.3");
  private static final LocalDateTime TIME = LocalDateTime.of(2026, 1, 1, 0, 0);

  @TempDir Path type;

  @BeforeEach
  void aJavaTypeProject() throws IOException {
    write(".rpdk-config", "{\"typeName\": \"Org::Test::Thing\", \"runtime\": \"java17\"}");
    write("org-test-thing.json", "{\"typeName\": \"Org::Test::Thing\"}");
    write("inputs/inputs_1_update.json", "{}");
    write("inputs/inputs_1_create.json", "{\"Name\": \"{{Export}}\"}");
    write("target/org-test-thing-handler-1.0-SNAPSHOT.jar", "jar bytes");
    write("target/original-org-test-thing-handler-1.0-SNAPSHOT.jar", "not shaded");
    write("target/classes/Ignored.class", "not packaged");
    write(
        "pom.xml",
        """
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <dependencyManagement><dependencies><dependency>
            <artifactId>aws-cloudformation-rpdk-java-plugin</artifactId><version>9.9.9</version>
          </dependency></dependencies></dependencyManagement>
          <dependencies>
            <dependency><artifactId>other</artifactId><version>1.0</version></dependency>
            <dependency>
              <groupId>software.amazon.cloudformation</groupId>
              <artifactId>aws-cloudformation-rpdk-java-plugin</artifactId>
              <version>[2.2.5,3.0.0)</version>
            </dependency>
          </dependencies>
        </project>
        """);
    write("src/main/java/b/B.java", "class B {}");
    write("src/main/java/a/A.java", "class A {}");
    write("src/test/java/a/ATest.java", "class ATest {}");
    write("target/generated-sources/rpdk/a/ResourceModel.java", "class ResourceModel {}");
  }

  private void write(final String path, final String content) throws IOException {
    final Path file = type.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  @Test
  void entriesComeInTheOrderTheCliWritesThemEachFolderSorted() throws IOException {
    final Map<String, byte[]> entries = HandlerPackage.entries(type, TOOLS);

    assertThat(entries.keySet())
        .containsExactly(
            ".rpdk-config",
            "schema.json",
            "inputs/inputs_1_create.json",
            "inputs/inputs_1_update.json",
            "target/org-test-thing-handler-1.0-SNAPSHOT.jar",
            "pom.xml",
            "src/main/java/a/A.java",
            "src/main/java/b/B.java",
            "src/test/java/a/ATest.java",
            "target/generated-sources/rpdk/a/ResourceModel.java",
            ".cfn_metadata.json");
    assertThat(text(entries.get("schema.json"))).isEqualTo("{\"typeName\": \"Org::Test::Thing\"}");
    assertThat(text(entries.get("inputs/inputs_1_create.json"))).contains("{{Export}}");
    assertThat(text(entries.get(".cfn_metadata.json")))
        .isEqualTo(
            "{\"plugin-tool-version\": \"2.2.3\", \"plugin-name\": \"java\","
                + " \"plugin-version\": \"[2.2.5,3.0.0)\", \"cli-version\": \"0.2.39\"}");
  }

  @Test
  void overridesComeLastWhenPresent() throws IOException {
    write("overrides.json", "{\"CREATE\": {}}");

    final List<String> names = new ArrayList<>(HandlerPackage.entries(type, TOOLS).keySet());

    assertThat(names.subList(names.size() - 2, names.size()))
        .containsExactly(".cfn_metadata.json", "overrides.json");
  }

  @Test
  void theSameSourcesGiveTheSameBytesStoredWithOneTimestamp(@TempDir final Path out)
      throws IOException {
    final Path first = out.resolve("first.zip");
    final Path second = out.resolve("second.zip");
    HandlerPackage.write(HandlerPackage.entries(type, TOOLS), TIME, first);
    Files.setLastModifiedTime(
        type.resolve("src/main/java/a/A.java"),
        java.nio.file.attribute.FileTime.fromMillis(123_456_789L));
    HandlerPackage.write(HandlerPackage.entries(type, TOOLS), TIME, second);

    assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    try (ZipFile zip = new ZipFile(first.toFile())) {
      final List<? extends ZipEntry> entries = Collections.list(zip.entries());
      assertThat(entries).hasSize(11);
      assertThat(entries)
          .allSatisfy(
              entry -> {
                assertThat(entry.getMethod()).isEqualTo(ZipEntry.STORED);
                assertThat(entry.getTimeLocal()).isEqualTo(TIME);
                assertThat(entry.getExtra()).isNull();
              });
      assertThat(zip.getInputStream(zip.getEntry("target/org-test-thing-handler-1.0-SNAPSHOT.jar")))
          .hasContent("jar bytes");
    }
  }

  @Test
  void mainNamesTheZipAfterTheTypeAndReportsTheMargin() throws IOException {
    final PrintStream original = System.out;
    final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      HandlerPackage.main(
          new String[] {
            type.toString(), type.resolve("target").toString(), "1767225600", "0.2.39", "2.2.3"
          });
    } finally {
      System.setOut(original);
    }

    final Path zip = type.resolve("target/org-test-thing.zip");
    assertThat(zip).exists();
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .startsWith("Handler package org-test-thing.zip: " + String.format("%,d", Files.size(zip)))
        .contains("under Lambda's 50 MB zipped limit by");
    // The zip is not a second jar for the plugin's target/<name>-*.jar glob.
    assertThat(HandlerPackage.handlerJar(type, "org-test-thing").getFileName())
        .hasToString("org-test-thing-handler-1.0-SNAPSHOT.jar");
    assertThatThrownBy(() -> HandlerPackage.main(new String[0])).hasMessageContaining("usage");
  }

  @Test
  void refusesWhatTheCliWouldRefuseOrPackDifferently() throws IOException {
    write("target/org-test-thing-handler-1.0-SNAPSHOT-tests.jar", "second match");
    assertThatThrownBy(() -> HandlerPackage.entries(type, TOOLS))
        .hasMessageContaining("Multiple JARs match");

    Files.delete(type.resolve("target/org-test-thing-handler-1.0-SNAPSHOT-tests.jar"));
    Files.delete(type.resolve("target/org-test-thing-handler-1.0-SNAPSHOT.jar"));
    assertThatThrownBy(() -> HandlerPackage.entries(type, TOOLS))
        .hasMessageContaining("No JAR artifact was found");

    write("org-test-thing.json", "{\"typeName\": \"Org::Test::Thing\", \"typeConfiguration\": {}}");
    assertThatThrownBy(() -> HandlerPackage.entries(type, TOOLS))
        .hasMessageContaining("typeConfiguration");
  }

  @Test
  void thePluginVersionMustBeTheTypePomsOwnDependency() throws IOException {
    write("pom.xml", "<project><dependencies><dependency/></dependencies></project>");
    assertThatThrownBy(() -> HandlerPackage.metadata(type.resolve("pom.xml"), TOOLS))
        .hasMessageContaining("'aws-cloudformation-rpdk-java-plugin' maven dependency not found");

    write("pom.xml", "<project><dependencies>");
    assertThatThrownBy(() -> HandlerPackage.metadata(type.resolve("pom.xml"), TOOLS))
        .hasMessageContaining("is invalid");
  }

  @Test
  void aPackageWithoutInputsOrGeneratedSourcesHasNone() throws IOException {
    deleteTree(type.resolve("inputs"));
    deleteTree(type.resolve("target/generated-sources"));

    assertThat(HandlerPackage.entries(type, TOOLS).keySet())
        .noneMatch(name -> name.startsWith("inputs/") || name.startsWith("target/generated"));
  }

  @Test
  void theReportSaysWhenAPackageIsOverTheLimit() {
    assertThat(HandlerPackage.sizeReport("big.zip", 52_000_000L))
        .isEqualTo(
            "Handler package big.zip: 52,000,000 bytes (52.0 MB); OVER Lambda's 50 MB zipped"
                + " limit by 2,000,000 bytes (2.0 MB)");
    assertThat(HandlerPackage.timestamp("2026-01-01T00:00:00Z")).isEqualTo(TIME);
    assertThat(HandlerPackage.timestamp("1767225600")).isEqualTo(TIME);
  }

  private static void deleteTree(final Path root) throws IOException {
    try (java.util.stream.Stream<Path> walk = Files.walk(root)) {
      for (final Path path : walk.sorted(Collections.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private static String text(final byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
