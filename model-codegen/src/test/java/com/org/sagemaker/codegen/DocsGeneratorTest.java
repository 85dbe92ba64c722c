package com.org.sagemaker.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The docs are what {@code cfn generate} writes, byte for byte. (Each type's committed docs/ are
 * checked against its schema by the type module's SchemaConformanceTest.)
 */
class DocsGeneratorTest {

  private static final Path GOLDEN = Path.of("src", "test", "resources", "docs-golden");

  /**
   * {@code docs-golden/expected/} is the docs/ folder that {@code cfn generate} of
   * cloudformation-cli 0.2.39 (commit 698c385), with cloudformation-cli-java-plugin 2.2.3 (commit
   * 4464c46), wrote for {@code docs-golden/org-test-gadget.json} in a project directory of its own.
   * The schema holds each construct the CLI documents differently, and the CLI's quirks: the page
   * it links for {@code Rules} but never writes, {@code Tag} and {@code MoreSettings} shown by type
   * only, a pattern as a property name, a trailing comma after the last writable property.
   */
  @Test
  void writesWhatCfnGenerateWroteForTheGoldenSchema() throws IOException {
    final Map<String, String> expected = new TreeMap<>();
    try (Stream<Path> files = Files.list(GOLDEN.resolve("expected"))) {
      for (final Path file : files.toList()) {
        expected.put(file.getFileName().toString(), Files.readString(file));
      }
    }

    final Map<String, String> generated =
        DocsGenerator.generate(
            new ObjectMapper().readTree(GOLDEN.resolve("org-test-gadget.json").toFile()));

    assertThat(new TreeMap<>(generated)).isEqualTo(expected);
  }

  @Test
  void mainReplacesTheFolder(@TempDir final Path dir) throws Exception {
    final Path docs = dir.resolve("docs");
    Files.createDirectories(docs);
    Files.writeString(docs.resolve("stale.md"), "old");

    DocsGenerator.main(
        new String[] {GOLDEN.resolve("org-test-gadget.json").toString(), docs.toString()});

    try (Stream<Path> files = Files.list(docs)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "README.md", "labels.md", "nested.md", "settings.md", "tag.md");
    }
    assertThatThrownBy(() -> DocsGenerator.main(new String[0])).hasMessageContaining("usage");
  }

  /** What the port does not carry over fails, rather than docs that differ from the CLI's. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"A\": {\"oneOf\": [{\"type\": \"string\"}]}}",
        "{\"A\": {\"type\": [\"string\", \"null\"]}}",
        "{\"A\": {\"type\": \"number\", \"maxLength\": 1.5}}",
        "{\"A\": {\"$ref\": \"other.json#/definitions/B\"}}",
        "{\"A\": {\"$ref\": \"#/definitions/Missing\"}}",
        "{\"A\": {\"type\": \"object\", \"additionalProperties\": true}}",
        "{\"A\": {\"type\": \"array\", \"additionalItems\": {\"type\": \"string\"}}}",
        "{\"A\": {\"properties\": {}, \"patternProperties\": {}}}",
        "{\"A\": {\"type\": \"array\", \"items\": [{\"type\": \"string\"}]}}"
      })
  void refusesWhatItDoesNotPort(final String properties) throws IOException {
    final JsonNode schema =
        new ObjectMapper()
            .readTree("{\"typeName\": \"A::B::C\", \"properties\": " + properties + "}");

    assertThatThrownBy(() -> DocsGenerator.generate(schema))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSchemaWithoutPropertiesHasNoDocs() throws IOException {
    final JsonNode schema = new ObjectMapper().readTree("{\"typeName\": \"A::B::C\"}");

    assertThatThrownBy(() -> DocsGenerator.generate(schema))
        .hasMessageContaining("without properties");
  }

  @Test
  void printsValuesAsPython() throws IOException {
    final String readme =
        DocsGenerator.generate(
                new ObjectMapper()
                    .readTree(
                        "{\"typeName\": \"A::B::C\", \"properties\": {\"On\": {\"type\": \"boolean\","
                            + " \"enum\": [true, false]}}}"))
            .get("README.md");

    assertThat(readme).contains("_Allowed Values_: <code>True</code> | <code>False</code>\n");
  }
}
