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
import org.junit.jupiter.api.io.TempDir;

/**
 * The docs and execution-role files, in the layout `cfn generate` writes, and the Lambda runtime
 * each type's files declare.
 */
class ProjectFilesTest {

  private static final String SCHEMA =
      """
      {
        "typeName": "Org::Test::Thing",
        "description": "A thing.",
        "properties": {
          "Name": {"type": "string", "description": "The name.", "minLength": 1, "maxLength": 63, "pattern": "^[a-z]+$"},
          "Mode": {"type": "string", "enum": ["A", "B"]},
          "Settings": {"$ref": "#/definitions/Settings", "description": "ignored: the definition's wins"},
          "Ids": {"type": "array", "items": {"type": "string"}},
          "Tags": {"type": "array", "items": {"$ref": "#/definitions/Tag"}},
          "Labels": {"type": "object", "patternProperties": {"^.+$": {"type": "string"}}},
          "Arn": {"type": "string", "description": "The ARN."},
          "Id": {"type": "string"}
        },
        "definitions": {
          "Settings": {"type": "object", "description": "Settings.", "required": ["Size"],
            "properties": {"Size": {"type": "integer"}, "Nested": {"$ref": "#/definitions/Tag"}}},
          "Tag": {"type": "object", "properties": {"Key": {"type": "string", "maxLength": 128}}}
        },
        "required": ["Name"],
        "createOnlyProperties": ["/properties/Name"],
        "readOnlyProperties": ["/properties/Arn", "/properties/Id"],
        "primaryIdentifier": ["/properties/Id"],
        "handlers": {
          "create": {"permissions": ["svc:Create", "svc:Describe"], "timeoutInMinutes": 60},
          "read": {"permissions": ["svc:Describe"]},
          "delete": {"permissions": ["svc:Delete", ""], "timeoutInMinutes": 30}
        }
      }
      """;

  private static JsonNode schema(final String json) throws Exception {
    return new ObjectMapper().readTree(json);
  }

  @Test
  void readmeDocumentsWritablePropertiesAndReturnValues() throws Exception {
    final String readme = DocsGenerator.generate(schema(SCHEMA)).get("README.md");

    assertThat(readme)
        .startsWith("# Org::Test::Thing\n\nA thing.\n\n## Syntax\n")
        .contains(
            "        \"<a href=\"#name\" title=\"Name\">Name</a>\" : <i>String</i>,\n"
                + "        \"<a href=\"#mode\" title=\"Mode\">Mode</a>\" : <i>String</i>,\n"
                + "        \"<a href=\"#settings\" title=\"Settings\">Settings</a>\" : <i><a href=\"settings.md\">Settings</a></i>,\n"
                + "        \"<a href=\"#ids\" title=\"Ids\">Ids</a>\" : <i>[ String, ... ]</i>,\n"
                + "        \"<a href=\"#tags\" title=\"Tags\">Tags</a>\" : <i>[ <a href=\"tag.md\">Tag</a>, ... ]</i>,\n"
                + "        \"<a href=\"#labels\" title=\"Labels\">Labels</a>\" : <i>Map</i>,\n    }")
        .contains("    <a href=\"#ids\" title=\"Ids\">Ids</a>: <i>\n      - String</i>\n")
        .contains(
            "#### Name\n\nThe name.\n\n_Required_: Yes\n\n_Type_: String\n\n_Minimum Length_: <code>1</code>\n\n"
                + "_Maximum Length_: <code>63</code>\n\n_Pattern_: <code>^[a-z]+$</code>\n\n"
                + "_Update requires_: [Replacement](")
        .contains(
            "#### Mode\n\n_Required_: No\n\n_Type_: String\n\n_Allowed Values_: <code>A</code> | <code>B</code>\n")
        .contains("#### Settings\n\nSettings.\n")
        .contains("_Type_: List of <a href=\"tag.md\">Tag</a>\n")
        .doesNotContain("#### Arn\n\nThe ARN.\n\n_Required_")
        .contains("Ref returns the Id.\n")
        .endsWith("#### Arn\n\nThe ARN.\n\n#### Id\n\nReturns the <code>Id</code> value.\n\n");
  }

  @Test
  void eachObjectDefinitionGetsItsOwnPageOnce() throws Exception {
    final Map<String, String> files = DocsGenerator.generate(schema(SCHEMA));

    assertThat(files).containsOnlyKeys("README.md", "settings.md", "tag.md");
    assertThat(files.get("settings.md"))
        .startsWith("# Org::Test::Thing Settings\n\nSettings.\n")
        .contains(
            "    \"<a href=\"#nested\" title=\"Nested\">Nested</a>\" : <i><a href=\"tag.md\">Tag</a></i>\n}")
        .contains(
            "#### Size\n\n_Required_: Yes\n_Type_: Integer\n\n_Update requires_: [No interruption](");
    assertThat(files.get("tag.md")).contains("_Maximum_: <code>128</code>");
  }

  @Test
  void docsMainReplacesTheFolder(@TempDir final Path dir) throws Exception {
    final Path schemaFile = dir.resolve("schema.json");
    Files.writeString(schemaFile, SCHEMA);
    final Path docs = dir.resolve("docs");
    Files.createDirectories(docs);
    Files.writeString(docs.resolve("stale.md"), "old");

    DocsGenerator.main(new String[] {schemaFile.toString(), docs.toString()});

    assertThat(docs.resolve("stale.md")).doesNotExist();
    assertThat(docs.resolve("README.md")).exists();
    assertThatThrownBy(() -> DocsGenerator.main(new String[0])).hasMessageContaining("usage");
  }

  @Test
  void roleAllowsTheSortedUnionOfPermissionsForTheLongestHandler() throws Exception {
    final String role = ResourceRoleGenerator.generate(schema(SCHEMA));

    assertThat(role)
        .contains("MaxSessionDuration: 8400\n") // read has no timeout: the CLI counts 120 minutes
        .contains("type/resource/Org-Test-Thing/*\n")
        .contains(
            "              - Effect: Allow\n                Action:\n"
                + "                - \"svc:Create\"\n                - \"svc:Delete\"\n"
                + "                - \"svc:Describe\"\n                Resource: \"*\"\n")
        .endsWith("      Fn::GetAtt: ExecutionRole.Arn\n");
  }

  @Test
  void roleSessionIsClampedAndAnEmptyPolicyDenies() throws Exception {
    final String role =
        ResourceRoleGenerator.generate(
            schema(
                "{\"typeName\": \"A::B::C\", \"handlers\": {\"create\": {\"permissions\": [], \"timeoutInMinutes\": 2}}}"));
    assertThat(role)
        .contains("MaxSessionDuration: 3600\n")
        .contains("- Effect: Deny\n")
        .contains("- \"*\"\n");
  }

  @Test
  void roleMainWritesTheFile(@TempDir final Path dir) throws Exception {
    final Path schemaFile = dir.resolve("schema.json");
    Files.writeString(schemaFile, SCHEMA);
    ResourceRoleGenerator.main(
        new String[] {schemaFile.toString(), dir.resolve("role.yaml").toString()});
    assertThat(Files.readString(dir.resolve("role.yaml"))).contains("ExecutionRole:");
    assertThatThrownBy(() -> ResourceRoleGenerator.main(new String[0]))
        .hasMessageContaining("usage");
  }

  /** The parent pom's lambda.runtime, handed to the tests by surefire. */
  private static final String RUNTIME = System.getProperty("lambda.runtime");

  @Test
  void bothTypesDeclareTheRuntimeTheBuildNames() throws Exception {
    assertThat(RUNTIME).as("lambda.runtime in the parent pom").matches("java[0-9]+(\\.[a-z0-9]+)?");
    for (final String module : List.of("studio-domain", "studio-userprofile")) {
      assertThat(LambdaRuntime.declared(Path.of("..", module)))
          .as(
              module
                  + " (after changing lambda.runtime:"
                  + " mvn -o -q -pl model-codegen compile exec:java@sync-runtime)")
          .containsExactly(
              ".rpdk-config: " + RUNTIME, "template.yml: " + RUNTIME, "template.yml: " + RUNTIME);
    }
  }

  @Test
  void syncRuntimeRewritesTheRuntimeAndNothingElse(@TempDir final Path dir) throws Exception {
    final Path module = Path.of("..", "studio-domain");
    for (final String file : List.of(".rpdk-config", "template.yml")) {
      Files.copy(module.resolve(file), dir.resolve(file));
    }

    LambdaRuntime.main(new String[] {"java99", dir.toString()});

    assertThat(LambdaRuntime.declared(dir))
        .containsExactly(".rpdk-config: java99", "template.yml: java99", "template.yml: java99");
    for (final String file : List.of(".rpdk-config", "template.yml")) {
      assertThat(Files.readString(dir.resolve(file)))
          .isEqualTo(Files.readString(module.resolve(file)).replace(RUNTIME, "java99"));
    }
    assertThatThrownBy(() -> LambdaRuntime.main(new String[0])).hasMessageContaining("usage");
  }
}
