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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The templates in registration/, checked against the published schemas of every resource type they
 * use (PublishedSchemas; the project's own schemas for its types): properties, nested ones too,
 * required ones, Fn::GetAtt attributes, what each Ref returns, parameter values; and what
 * registering these types needs: each version runs with its type's least-privilege role and logs
 * through the role `cfn submit` would create, and each default version points at its version.
 */
class RegistrationTemplatesTest {

  private static final Path REGISTRATION = Path.of("..", "registration");
  private static final Map<String, String> MODULES =
      Map.of(
          "Org::SageMaker::StudioDomain", "studio-domain",
          "Org::SageMaker::StudioUserProfile", "studio-userprofile");
  private static final Set<String> PSEUDO_PARAMETERS =
      Set.of("AWS::AccountId", "AWS::Partition", "AWS::Region", "AWS::StackName", "AWS::URLSuffix");
  private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!]+)}");

  private final ObjectMapper json = new ObjectMapper();

  private JsonNode load(final Path file) throws IOException {
    final Object yaml = new Yaml().load(Files.readString(file));
    return json.valueToTree(yaml);
  }

  @Test
  void everyResourcePropertyAttributeAndReferenceIsOneThePublishedSchemasHave() throws IOException {
    for (final String template : List.of("registration.yaml", "test-domain.yaml")) {
      final JsonNode root = load(REGISTRATION.resolve(template));
      final List<String> problems = new ArrayList<>();
      root.path("Resources")
          .properties()
          .forEach(
              resource -> checkResource(root, resource.getKey(), resource.getValue(), problems));
      root.path("Outputs")
          .properties()
          .forEach(
              output ->
                  checkReferences(
                      root, output.getValue().path("Value"), output.getKey(), problems));
      assertThat(problems).as(template).isEmpty();
    }
  }

  private void checkResource(
      final JsonNode root, final String logicalId, final JsonNode resource, final List<String> p) {
    final String where = logicalId + " (" + resource.path("Type").asText() + ")";
    final PublishedSchemas.Type type = schemaOf(resource.path("Type").asText());
    if (type == null) {
      p.add(where + ": no published schema known for this type");
      return;
    }
    final JsonNode properties = resource.path("Properties");
    properties
        .fieldNames()
        .forEachRemaining(
            name -> {
              if (!type.writable().contains(name)) {
                p.add(where + ": " + name + " is not a writable property");
              }
            });
    if (type.required().stream().noneMatch(set -> set.stream().allMatch(properties::has))) {
      p.add(where + ": sets none of the required sets " + type.required());
    }
    type.objectProperties()
        .forEach(
            (name, members) -> {
              final List<JsonNode> objects = new ArrayList<>();
              if (properties.path(name).isArray()) {
                properties.path(name).forEach(objects::add);
              } else if (properties.has(name)) {
                objects.add(properties.path(name));
              }
              objects.forEach(
                  object ->
                      object
                          .fieldNames()
                          .forEachRemaining(
                              member -> {
                                if (!members.contains(member)) {
                                  p.add(where + ": " + name + "." + member + " is not a property");
                                }
                              }));
            });
    type.allowedValues()
        .forEach(
            (name, allowed) -> {
              final JsonNode parameter =
                  root.path("Parameters").path(properties.path(name).path("Ref").asText());
              parameter
                  .path("AllowedValues")
                  .forEach(
                      value -> {
                        if (!allowed.contains(value.asInt())) {
                          p.add(where + ": " + name + " does not allow " + value);
                        }
                      });
              if (!parameter.isMissingNode()
                  && !allowed.contains(parameter.path("Default").asInt())) {
                p.add(
                    where
                        + ": "
                        + name
                        + " does not allow the default "
                        + parameter.get("Default"));
              }
            });
    properties
        .properties()
        .forEach(property -> checkReferences(root, property.getValue(), property.getKey(), p));
  }

  /**
   * Every Ref, Fn::GetAtt and Fn::Sub variable names something the template has; a Ref to a
   * resource gives what its type's Ref returns (the primary identifier), which must be what the
   * property it is given to names (e.g. TypeVersionArn from a ResourceVersion's Arn).
   */
  private void checkReferences(
      final JsonNode root, final JsonNode node, final String property, final List<String> p) {
    if (node.isArray()) {
      node.forEach(item -> checkReferences(root, item, property, p));
    }
    if (!node.isObject()) {
      return;
    }
    if (node.has("Ref")) {
      final String name = node.get("Ref").asText();
      final JsonNode target = root.path("Resources").path(name);
      if (!defined(root, name)) {
        p.add(property + ": Ref " + name + " is neither parameter nor resource");
      } else if (target.isObject()) {
        final String returns = schemaOf(target.path("Type").asText()).refReturns();
        if (!property.endsWith(returns)) {
          p.add(property + ": Ref " + name + " gives its " + returns);
        }
      }
    }
    if (node.has("Fn::GetAtt")) {
      final String logicalId = node.get("Fn::GetAtt").path(0).asText();
      final String attribute = node.get("Fn::GetAtt").path(1).asText();
      final PublishedSchemas.Type type =
          schemaOf(root.at("/Resources/" + logicalId + "/Type").asText());
      if (type == null || !type.readOnly().contains(attribute)) {
        p.add(property + ": Fn::GetAtt " + logicalId + "." + attribute + " is not an attribute");
      }
    }
    if (node.has("Fn::Sub")) {
      final Matcher variables = SUB_VARIABLE.matcher(node.get("Fn::Sub").asText());
      while (variables.find()) {
        if (!defined(root, variables.group(1))) {
          p.add(property + ": Fn::Sub ${" + variables.group(1) + "} is not defined");
        }
      }
    }
    node.properties()
        .forEach(
            member ->
                checkReferences(
                    root,
                    member.getValue(),
                    member.getKey().startsWith("Fn::") ? property : member.getKey(),
                    p));
  }

  private static boolean defined(final JsonNode root, final String name) {
    return PSEUDO_PARAMETERS.contains(name)
        || root.path("Parameters").has(name)
        || root.path("Resources").has(name);
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
