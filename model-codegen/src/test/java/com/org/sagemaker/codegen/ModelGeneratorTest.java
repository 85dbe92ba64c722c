package com.org.sagemaker.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelGeneratorTest {

  private static final String SCHEMA =
      """
      {
        "typeName": "Org::Test::Thing",
        "properties": {
          "Name": {"type": "string"},
          "Id": {"type": "string"},
          "Count": {"type": "integer"},
          "Ratio": {"type": "number"},
          "Enabled": {"type": "boolean"},
          "Tags": {"type": "array", "items": {"$ref": "#/definitions/Tag"}},
          "Labels": {"type": "object", "patternProperties": {"^.+$": {"type": "string"}}},
          "Inline": {"type": "object", "properties": {"Default": {"$ref": "#/definitions/Nested"}}},
          "Alias": {"$ref": "#/definitions/Text"}
        },
        "definitions": {
          "Tag": {"type": "object", "properties": {"Key": {"type": "string"}}},
          "Nested": {"type": "object", "properties": {"Deep": {"$ref": "#/definitions/Tag"}}},
          "Text": {"type": "string"}
        },
        "primaryIdentifier": ["/properties/Id", "/properties/Name"],
        "additionalIdentifiers": [["/properties/Name"]],
        "writeOnlyProperties": ["/properties/Count", "/properties/Enabled"]
      }
      """;

  private final Map<String, String> files = ModelGenerator.generate(schema(SCHEMA), "com.x.thing");

  @Test
  void writesEveryClassCfnGenerateWrites() {
    assertThat(files)
        .containsOnlyKeys(
            "ResourceModel.java",
            "Tag.java",
            "Inline.java",
            "Nested.java",
            "TypeConfigurationModel.java",
            "BaseConfiguration.java",
            "BaseHandler.java",
            "HandlerWrapper.java",
            "HandlerWrapperExecutable.java");
    assertThat(files.values())
        .allSatisfy(source -> assertThat(source).contains("package com.x.thing;"));
    assertThat(String.join("", files.values())).doesNotContain("{{");
  }

  @Test
  void mapsSchemaTypesToJavaTypesWithJacksonNames() {
    assertThat(files.get("ResourceModel.java"))
        .contains("public static final String TYPE_NAME = \"Org::Test::Thing\";")
        .contains("@JsonProperty(\"Name\")\n    private String name;")
        .contains("@JsonProperty(\"Count\")\n    private Integer count;")
        .contains("@JsonProperty(\"Ratio\")\n    private Double ratio;")
        .contains("@JsonProperty(\"Enabled\")\n    private Boolean enabled;")
        .contains("@JsonProperty(\"Tags\")\n    private List<Tag> tags;")
        .contains("@JsonProperty(\"Labels\")\n    private Map<String, String> labels;")
        .contains("@JsonProperty(\"Inline\")\n    private Inline inline;")
        .contains("@JsonProperty(\"Alias\")\n    private String alias;")
        .contains("@Builder(toBuilder = true)");
    assertThat(files.get("Inline.java")).contains("private Nested default_;");
    assertThat(files.get("Nested.java"))
        .contains("private Tag deep;")
        .contains("@NoArgsConstructor");
    assertThat(files.get("TypeConfigurationModel.java")).doesNotContain("@NoArgsConstructor");
  }

  @Test
  void identifiersNeedAllTheirParts() {
    assertThat(files.get("ResourceModel.java"))
        .contains("IDENTIFIER_KEY_ID = \"/properties/Id\"")
        .contains("if (this.getId() != null) {")
        .contains("return identifier.length() == 2 ? identifier : null;")
        .contains("public JSONObject getIdentifier_Name()")
        .contains("identifiers.add(getIdentifier_Name());");
  }

  @Test
  void wrappersExtendTheRuntimeEntryPoints() {
    assertThat(files.get("HandlerWrapper.java"))
        .contains(
            "public class HandlerWrapper extends LambdaWrapper<ResourceModel, CallbackContext,"
                + " TypeConfigurationModel>")
        .contains("public void testEntrypoint(")
        .contains(".previousResourceTags(getPreviousResourceTags(request))");
    assertThat(files.get("HandlerWrapperExecutable.java"))
        .contains("extends ExecutableWrapper<")
        .contains("new HandlerWrapperExecutable().handleRequest(input, output);")
        .doesNotContain("testEntrypoint");
  }

  @Test
  void finalResponsesLeaveOutWriteOnlyPropertiesWithoutReloadingTheSchema() {
    assertThat(files.get("HandlerWrapper.java"))
        .contains("return model.toBuilder().count(null).enabled(null).build();");
  }

  @Test
  void rejectsNestedWriteOnlyProperties() {
    assertThatThrownBy(
            () ->
                ModelGenerator.generate(
                    schema(
                        "{\"typeName\":\"A::B::C\",\"properties\":{},"
                            + "\"writeOnlyProperties\":[\"/properties/A/B\"]}"),
                    "p"))
        .hasMessageContaining("/properties/A/B");
  }

  @Test
  void rejectsUnresolvedReferences() {
    assertThatThrownBy(
            () ->
                ModelGenerator.generate(
                    schema(
                        "{\"typeName\":\"A::B::C\",\"properties\":{\"X\":{\"$ref\":\"#/definitions/Nope\"}}}"),
                    "p"))
        .hasMessageContaining("#/definitions/Nope");
  }

  @Test
  void mainWritesFilesIntoThePackageFolder(@TempDir final Path dir) throws Exception {
    final Path schemaFile = dir.resolve("schema.json");
    Files.writeString(schemaFile, SCHEMA);
    ModelGenerator.main(new String[] {schemaFile.toString(), "com.x.thing", dir.toString()});
    assertThat(dir.resolve("com/x/thing/ResourceModel.java")).exists();
    assertThat(dir.resolve("com/x/thing/HandlerWrapper.java")).exists();
  }

  @Test
  void mainNeedsThreeArguments() {
    assertThatThrownBy(() -> ModelGenerator.main(new String[0])).hasMessageContaining("usage");
  }

  private static JsonNode schema(final String json) {
    try {
      return new ObjectMapper().readTree(json);
    } catch (final Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
