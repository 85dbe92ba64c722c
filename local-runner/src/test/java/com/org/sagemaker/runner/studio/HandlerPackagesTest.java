package com.org.sagemaker.runner.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.org.sagemaker.runner.template.Template;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The handler packages {@code mvn package} wrote, opened entry by entry: what {@code cfn submit}
 * uploads (cloudformation-cli 0.2.39 {@code submit}, Java plugin 2.2.3 {@code package}; listed in
 * docs/registration.md), holding the very jar these tests run the handlers from, under Lambda's
 * zipped size limit.
 */
class HandlerPackagesTest {

  /** Lambda's quota for a zipped deployment package, "50 MB", in decimal megabytes. */
  private static final long LAMBDA_ZIPPED_LIMIT_BYTES = 50_000_000L;

  @ParameterizedTest
  @CsvSource({
    "studio-domain, org-sagemaker-studiodomain, com.org.sagemaker.studiodomain.HandlerWrapper",
    "studio-userprofile, org-sagemaker-studiouserprofile,"
        + " com.org.sagemaker.studiouserprofile.HandlerWrapper"
  })
  void thePackageIsWhatCfnSubmitUploadsWithTheJarTheHandlersRunFrom(
      final String module, final String hyphenatedName, final String wrapper) throws Exception {
    final Path typeDir = Path.of("..", module);
    final Path jar = codeSource(Class.forName(wrapper));
    assumeTrue(
        Files.isRegularFile(jar),
        "the handlers run from " + jar + ": the package phase, which writes the zip, has not run");
    final Path zip = typeDir.resolve("target").resolve(hyphenatedName + ".zip");

    try (ZipFile archive = new ZipFile(zip.toFile())) {
      final List<? extends ZipEntry> entries = Collections.list(archive.entries());
      assertThat(entries)
          .extracting(ZipEntry::getName)
          .containsExactlyElementsOf(expectedEntries(typeDir, hyphenatedName, jar));
      for (final ZipEntry entry : entries) {
        assertThat(entry.getMethod()).as(entry.getName()).isEqualTo(ZipEntry.STORED);
        assertThat(entry.getTimeLocal())
            .as(entry.getName() + ": one fixed time, for reproducible bytes")
            .isEqualTo(entries.get(0).getTimeLocal());
        if (!entry.getName().equals(".cfn_metadata.json")) {
          assertThat(bytes(archive, entry))
              .as(entry.getName())
              .isEqualTo(Files.readAllBytes(source(typeDir, hyphenatedName, entry.getName())));
        }
      }
      final JsonNode metadata =
          Template.JSON.readTree(bytes(archive, archive.getEntry(".cfn_metadata.json")));
      assertThat(metadata.get("plugin-name").asText()).isEqualTo("java");
      assertThat(metadata.get("plugin-version").asText()).isEqualTo("2.2.5");
      assertThat(metadata.get("plugin-tool-version").asText()).matches("\\d+\\.\\d+\\.\\d+");
      assertThat(metadata.get("cli-version").asText()).matches("\\d+\\.\\d+\\.\\d+");

      final byte[] packagedJar =
          bytes(archive, archive.getEntry("target/" + jar.getFileName().toString()));
      assertThat(packagedJar)
          .as("the jar HandlerWrapper runs from")
          .isEqualTo(Files.readAllBytes(jar));
      assertThat(jarEntry(packagedJar, hyphenatedName + ".json"))
          .as("the schema at the jar's root")
          .isEqualTo(Files.readAllBytes(typeDir.resolve(hyphenatedName + ".json")));
    }
    assertThat(Files.size(zip)).isLessThan(LAMBDA_ZIPPED_LIMIT_BYTES);
  }

  /**
   * The CLI's rules, applied to the type directory: settings, schema, inputs, the jar, the pom,
   * src/ and target/generated-sources/ (each folder sorted, as the build writes it), metadata.
   */
  private static List<String> expectedEntries(
      final Path typeDir, final String hyphenatedName, final Path jar) throws IOException {
    final List<String> names = new ArrayList<>(List.of(".rpdk-config", "schema.json"));
    names.addAll(files(typeDir, typeDir.resolve("inputs")));
    names.add("target/" + jar.getFileName());
    names.add("pom.xml");
    names.addAll(files(typeDir, typeDir.resolve("src")));
    names.addAll(files(typeDir, typeDir.resolve("target").resolve("generated-sources")));
    names.add(".cfn_metadata.json");
    assertThat(typeDir.resolve("overrides.json")).doesNotExist();
    assertThat(names).contains("target/" + hyphenatedName + "-handler-1.0-SNAPSHOT.jar");
    return names;
  }

  private static List<String> files(final Path typeDir, final Path tree) throws IOException {
    try (Stream<Path> walk = Files.walk(tree)) {
      return walk.filter(Files::isRegularFile)
          .map(file -> typeDir.relativize(file).toString().replace('\\', '/'))
          .sorted()
          .toList();
    }
  }

  private static Path source(final Path typeDir, final String hyphenatedName, final String name) {
    return typeDir.resolve(name.equals("schema.json") ? hyphenatedName + ".json" : name);
  }

  private static Path codeSource(final Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  private static byte[] bytes(final ZipFile archive, final ZipEntry entry) throws IOException {
    try (InputStream in = archive.getInputStream(entry)) {
      return in.readAllBytes();
    }
  }

  private static byte[] jarEntry(final byte[] jar, final String name) throws IOException {
    try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(jar))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        if (entry.getName().equals(name)) {
          return in.readAllBytes();
        }
      }
    }
    throw new AssertionError(name + " is not in the jar");
  }
}
