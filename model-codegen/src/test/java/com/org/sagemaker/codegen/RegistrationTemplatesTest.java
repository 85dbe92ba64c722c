package com.org.sagemaker.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The templates in registration/, checked against the published schemas of every resource type they
 * use (TemplateCheck with PublishedSchemas; the project's own schemas for its types), and for what
 * registering these types needs: each version runs with its type's least-privilege role and logs
 * through the role `cfn submit` would create, and each default version points at its version.
 */
class RegistrationTemplatesTest {

  private static final Path REGISTRATION = Path.of("..", "registration");
  private static final Map<String, String> MODULES =
      Map.of(
          "Org::SageMaker::StudioDomain", "studio-domain",
          "Org::SageMaker::StudioUserProfile", "studio-userprofile");

  private final ObjectMapper json = new ObjectMapper();

  private JsonNode load(final Path file) throws IOException {
    final Object yaml = new Yaml().load(Files.readString(file));
    return json.valueToTree(yaml);
  }

  @Test
  void everyResourcePropertyAttributeAndReferenceIsOneThePublishedSchemasHave() throws IOException {
    for (final String template : List.of("registration.yaml", "test-domain.yaml")) {
      assertThat(new TemplateCheck(load(REGISTRATION.resolve(template)), this::schemaOf).problems())
          .as(template)
          .isEmpty();
    }
  }

  /** A published AWS schema, or the project's own schema for its types. */
  private PublishedSchemas.Type schemaOf(final String typeName) {
    if (!MODULES.containsKey(typeName)) {
      return PublishedSchemas.TYPES.get(typeName);
    }
    try {
      final Path module = Path.of("..", MODULES.get(typeName));
      final JsonNode schema =
          json.readTree(module.resolve(HandlerPackage.hyphenatedName(module) + ".json").toFile());
      final Set<String> readOnly = names(schema.path("readOnlyProperties"));
      final Set<String> writable = new TreeSet<>();
      schema.path("properties").fieldNames().forEachRemaining(writable::add);
      writable.removeAll(readOnly);
      final Set<String> required = new HashSet<>();
      schema.path("required").forEach(name -> required.add(name.asText()));
      return new PublishedSchemas.Type(
          writable,
          List.of(required),
          readOnly,
          String.join("|", names(schema.path("primaryIdentifier"))),
          Map.of(),
          Map.of());
    } catch (final IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Set<String> names(final JsonNode pointers) {
    final Set<String> names = new TreeSet<>();
    pointers.forEach(pointer -> names.add(pointer.asText().replaceFirst("^/properties/", "")));
    return names;
  }

  @Test
  void eachTypeIsRegisteredWithItsLeastPrivilegeRoleAndMadeTheDefault() throws IOException {
    final JsonNode root = load(REGISTRATION.resolve("registration.yaml"));
    final JsonNode resources = root.path("Resources");
    final Set<String> registered = new TreeSet<>();
    resources
        .properties()
        .forEach(
            resource -> {
              final JsonNode version = resource.getValue();
              if (!version.path("Type").asText().equals("AWS::CloudFormation::ResourceVersion")) {
                return;
              }
              final String typeName = version.at("/Properties/TypeName").asText();
              assertThat(typeName).matches(PublishedSchemas.TYPE_NAME_PATTERN);
              assertThat(MODULES).containsKey(typeName);
              registered.add(typeName);
              assertThat(version.at("/Properties/SchemaHandlerPackage/Fn::Sub").asText())
                  .startsWith("s3://${PackageBucket}/");

              final String role = version.at("/Properties/ExecutionRoleArn/Fn::GetAtt/0").asText();
              assertThat(resources.at("/" + role + "/Properties"))
                  .as(role + " is " + MODULES.get(typeName) + "/least-privilege-role.yaml's role")
                  .isEqualTo(
                      leastPrivilegeRole(typeName).at("/Resources/ExecutionRole/Properties"));

              final List<String> defaults = new ArrayList<>();
              resources
                  .properties()
                  .forEach(
                      other -> {
                        if (other
                            .getValue()
                            .at("/Properties/TypeVersionArn/Ref")
                            .asText()
                            .equals(resource.getKey())) {
                          defaults.add(other.getValue().path("Type").asText());
                        }
                      });
              assertThat(defaults)
                  .as(typeName + " default version")
                  .containsExactly("AWS::CloudFormation::ResourceDefaultVersion");
            });
    assertThat(registered).isEqualTo(MODULES.keySet());
    for (final String typeName : MODULES.keySet()) {
      assertThat(root.at("/Parameters/PassableRoleArns/Type"))
          .isEqualTo(leastPrivilegeRole(typeName).at("/Parameters/PassableRoleArns/Type"));
    }
  }

  private JsonNode leastPrivilegeRole(final String typeName) {
    try {
      return load(Path.of("..", MODULES.get(typeName), "least-privilege-role.yaml"));
    } catch (final IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * The handlers log through a role CloudFormation can assume, allowed what the
   * LogAndMetricsDeliveryRole of `cfn submit` is (cloudformation-cli
   * src/rpdk/core/data/managed-upload-infrastructure.yaml), into a log group of the stack.
   */
  @Test
  void logsGoThroughARoleCloudFormationAssumesIntoTheStacksLogGroups() throws IOException {
    final JsonNode root = load(REGISTRATION.resolve("registration.yaml"));
    final JsonNode resources = root.path("Resources");
    for (final String version : List.of("DomainVersion", "UserProfileVersion")) {
      final JsonNode logging = resources.at("/" + version + "/Properties/LoggingConfig");
      assertThat(resources.at("/" + logging.at("/LogGroupName/Ref").asText() + "/Type").asText())
          .isEqualTo("AWS::Logs::LogGroup");
      final JsonNode role =
          resources.at("/" + logging.at("/LogRoleArn/Fn::GetAtt/0").asText() + "/Properties");
      assertThat(role.at("/AssumeRolePolicyDocument/Statement/0/Principal/Service").asText())
          .isEqualTo("resources.cloudformation.amazonaws.com");
      assertThat(role.at("/MaxSessionDuration").asInt())
          .isBetween(PublishedSchemas.MIN_SESSION_SECONDS, PublishedSchemas.MAX_SESSION_SECONDS);
      final Set<String> actions = new TreeSet<>();
      role.at("/Policies/0/PolicyDocument/Statement/0/Action")
          .forEach(action -> actions.add(action.asText()));
      assertThat(actions)
          .containsExactlyInAnyOrder(
              "logs:CreateLogGroup",
              "logs:CreateLogStream",
              "logs:DescribeLogGroups",
              "logs:DescribeLogStreams",
              "logs:PutLogEvents",
              "cloudwatch:ListMetrics",
              "cloudwatch:PutMetricData");
    }
    assertThat(root.at("/Parameters/LogRetentionInDays/AllowedValues"))
        .extracting(JsonNode::asInt)
        .containsExactlyElementsOf(PublishedSchemas.LOG_RETENTION_DAYS);
  }

  /**
   * The runtime is the package's: ResourceVersion has no runtime property, the registry reads it
   * from the .rpdk-config in the zip. The templates name none that could disagree.
   */
  @Test
  void theTemplatesNameNoRuntimeOfTheirOwn() throws IOException {
    for (final String template : List.of("registration.yaml", "test-domain.yaml")) {
      assertThat(Files.readString(REGISTRATION.resolve(template)))
          .as(template)
          .doesNotContainPattern("java[0-9]+|Runtime");
    }
  }
}
