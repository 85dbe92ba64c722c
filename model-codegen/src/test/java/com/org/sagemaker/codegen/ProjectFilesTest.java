package com.org.sagemaker.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The execution-role file, in the layout `cfn generate` writes, and the Lambda runtime each type's
 * files declare. (The docs: {@link DocsGeneratorTest}.)
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
