package com.org.sagemaker.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RemovedPropertiesPageTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<Path> TYPES =
      List.of(Path.of("..", "studio-domain"), Path.of("..", "studio-userprofile"));

  private static final String SCHEMA =
      """
      {
        "typeName": "Org::Test::Thing",
        "properties": {
          "Name": {"type": "string"},
          "Mode": {"type": "string", "default": "OFF"},
          "Settings": {"$ref": "#/definitions/Settings"},
          "Inline": {"type": "object", "properties": {"Depth": {"type": "integer"}}},
          "Tags": {"type": "array"},
          "Arn": {"type": "string"},
          "Retain": {"type": "boolean", "default": true}
        },
        "definitions": {
          "Settings": {"type": "object", "properties": {
            "Paths": {"type": "array", "items": {"type": "string"}, "default": []},
            "Labels": {"type": "object", "patternProperties": {"^.+$": {"type": "string"}}},
            "Again": {"$ref": "#/definitions/Settings"},
            "properties": {"type": "object", "properties": {"default": {"type": "string"}}}
          }}
        },
        "createOnlyProperties": ["/properties/Name"],
        "readOnlyProperties": ["/properties/Arn"],
        "writeOnlyProperties": ["/properties/Retain"],
        "tagging": {"taggable": true, "tagProperty": "/properties/Tags"}
      }
      """;

  private static final String TABLE =
      """
      {
        "/properties/Mode": {"default": "OFF", "source": "Mode's source"},
        "/properties/Retain": {"default": true, "source": "Retain's source"},
        "/definitions/Settings/properties/Paths": {"default": [], "source": "Paths' source"}
      }
      """;

  @Test
  void theCommittedPageIsWhatTheSchemasAndTablesGenerate() throws Exception {
    assertThat(Files.readString(Path.of("..", "docs", "removed-properties.md")))
        .as(
            "docs/removed-properties.md (regenerate:"
                + " mvn -q -pl model-codegen compile exec:java@generate-type-files)")
        .isEqualTo(RemovedPropertiesPage.generate(TYPES));
  }

  /** Each setting links to its heading in the docs cfn generate writes for the type. */
  @ParameterizedTest
  @ValueSource(strings = {"studio-domain", "studio-userprofile"})
  void eachSettingLinksToItsHeadingInTheTypesDocs(final String type) throws Exception {
    final Path directory = Path.of("..", type);
    final JsonNode schema = JSON.readTree(TypeFiles.schemaOf(directory).toFile());
    final Map<String, String> docs = DocsGenerator.generate(schema);

    final List<RemovedPropertiesPage.Setting> settings =
        RemovedPropertiesPage.settings(
            schema, JSON.readTree(directory.resolve(RemovedPropertiesPage.TABLE).toFile()));

    assertThat(settings).hasSizeGreaterThan(50);
    for (final RemovedPropertiesPage.Setting setting : settings) {
      final String name = setting.path().substring(setting.path().lastIndexOf('.') + 1);
      assertThat(docs.get(setting.page()))
          .as(setting.path() + " in " + setting.page())
          .contains("\n#### " + name + "\n");
      assertThat(setting.anchor()).isEqualTo(name.toLowerCase());
    }
  }

  @Test
  void settingsAreTheUpdatableLeavesEachResetToItsDefaultOrRefused() throws Exception {
    final List<RemovedPropertiesPage.Setting> settings =
        RemovedPropertiesPage.settings(JSON.readTree(SCHEMA), JSON.readTree(TABLE));

    assertThat(settings)
        .extracting(RemovedPropertiesPage.Setting::path)
        .containsExactly(
            "Mode",
            "Settings.Paths",
            "Settings.Labels",
            "Settings.properties.default",
            "Inline.Depth");
    assertThat(settings.get(0).source()).isEqualTo("Mode's source");
    assertThat(settings.get(0).page()).isEqualTo("README.md");
    assertThat(settings.get(1).reset()).isEqualTo(JSON.readTree("[]"));
    assertThat(settings.get(1).page()).isEqualTo("settings.md");
    assertThat(settings.get(2).reset()).isNull();
    assertThat(settings.get(4).page()).as("an object declared in place").isNull();
  }

  @Test
  void thePageSaysWhatEachRemovalDoesAndWhatIsNotASetting(
      @org.junit.jupiter.api.io.TempDir final Path dir) throws Exception {
    final Path type = Files.createDirectories(dir.resolve("thing"));
    Files.writeString(type.resolve("org-test-thing.json"), SCHEMA);
    Files.writeString(type.resolve(RemovedPropertiesPage.TABLE), TABLE.replace("'s", "|s"));

    final String page = RemovedPropertiesPage.generate(List.of(type));

    assertThat(page)
        .contains("\n## Org::Test::Thing\n")
        .contains(
            "- create-only properties, whose change or removal replaces the resource: `Name`\n")
        .contains("- `Tags`, whose tags a template removes are deleted from the resource\n")
        .contains("the resource is deleted (an absent one means its default then): `Retain`\n")
        .contains("| [`Mode`](../thing/docs/README.md#mode) | reset to `OFF` (Mode\\|s source) |\n")
        .contains("| [`Settings.Paths`](../thing/docs/settings.md#paths) | reset to `[]` (")
        .contains(
            "| [`Settings.Labels`](../thing/docs/settings.md#labels) | refused, naming it;"
                + " kept as it is in a rollback |\n")
        .contains("| `Inline.Depth` | refused");
  }

  @Test
  void aTypeWithoutTagsOrWriteOnlyPropertiesSaysNothingOfThem(
      @org.junit.jupiter.api.io.TempDir final Path dir) throws Exception {
    final Path type = Files.createDirectories(dir.resolve("plain"));
    Files.writeString(
        type.resolve("org-test-plain.json"),
        "{\"typeName\": \"Org::Test::Plain\", \"properties\": {\"A\": {\"type\": \"string\"}}}");
    Files.writeString(type.resolve(RemovedPropertiesPage.TABLE), "{}");

    assertThat(RemovedPropertiesPage.generate(List.of(type)))
        .doesNotContain("Tags")
        .doesNotContain("write-only")
        .contains("| [`A`](../plain/docs/README.md#a) | refused");
  }

  @Test
  void aDefaultWithoutASourceRowFails() throws Exception {
    final JsonNode table = JSON.readTree(TABLE);
    ((com.fasterxml.jackson.databind.node.ObjectNode) table).remove("/properties/Mode");

    assertThatThrownBy(() -> RemovedPropertiesPage.settings(JSON.readTree(SCHEMA), table))
        .hasMessageContaining("/properties/Mode: a default without a row in default-sources.json");
  }

  @Test
  void aRowWithoutADefaultFails() throws Exception {
    final JsonNode schema = JSON.readTree(SCHEMA.replace(", \"default\": \"OFF\"", ""));

    assertThatThrownBy(() -> RemovedPropertiesPage.settings(schema, JSON.readTree(TABLE)))
        .hasMessageContaining("/properties/Mode: a row in default-sources.json for no default");
  }

  @Test
  void aRowWithAnotherValueOrNoSourceFails() throws Exception {
    assertThatThrownBy(
            () ->
                RemovedPropertiesPage.settings(
                    JSON.readTree(SCHEMA), JSON.readTree(TABLE.replace("\"OFF\"", "\"ON\""))))
        .hasMessageContaining("/properties/Mode: the schema's default is not the row's \"ON\"");
    assertThatThrownBy(
            () ->
                RemovedPropertiesPage.settings(
                    JSON.readTree(SCHEMA), JSON.readTree(TABLE.replace("Mode's source", " "))))
        .hasMessageContaining("/properties/Mode: a row without a source");
  }
}
