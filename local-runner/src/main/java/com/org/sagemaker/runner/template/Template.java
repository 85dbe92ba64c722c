package com.org.sagemaker.runner.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A CloudFormation template (YAML with the short forms, or JSON): Parameters, Mappings, Conditions,
 * Resources of any type and Outputs, with their structure checked. Intrinsics stay in their long
 * form until {@link Intrinsics} resolves them; {@link StackContext} evaluates the template for one
 * stack (parameter values, conditions, references, order).
 */
public record Template(
    Map<String, JsonNode> parameters,
    Map<String, JsonNode> mappings,
    Map<String, JsonNode> conditions,
    Map<String, Resource> resources,
    Map<String, Output> outputs) {

  public static final ObjectMapper JSON = new ObjectMapper();

  /** A resource as declared: its attributes, with DependsOn as written. */
  public record Resource(
      String logicalId,
      String type,
      JsonNode properties,
      List<String> dependsOn,
      String condition,
      String deletionPolicy,
      String updateReplacePolicy) {}

  /** An output as declared. */
  public record Output(String name, JsonNode value, String condition, JsonNode exportName) {}

  // CloudFormation user guide, template anatomy: the sections a template may have.
  private static final Set<String> SECTIONS =
      Set.of(
          "AWSTemplateFormatVersion",
          "Description",
          "Metadata",
          "Parameters",
          "Rules",
          "Mappings",
          "Conditions",
          "Transform",
          "Resources",
          "Outputs");

  // CloudFormation user guide, resources section and resource attribute reference.
  private static final Set<String> RESOURCE_KEYS =
      Set.of(
          "Type",
          "Properties",
          "DependsOn",
          "Condition",
          "DeletionPolicy",
          "UpdateReplacePolicy",
          "Metadata",
          "CreationPolicy",
          "UpdatePolicy");

  // aws-attribute-deletionpolicy.md / aws-attribute-updatereplacepolicy.md.
  static final Set<String> DELETION_POLICIES =
      Set.of("Delete", "Retain", "RetainExceptOnCreate", "Snapshot");
  static final Set<String> UPDATE_REPLACE_POLICIES = Set.of("Delete", "Retain", "Snapshot");

  // Logical ids are alphanumeric (CloudFormation user guide, resources section).
  private static final Pattern LOGICAL_ID = Pattern.compile("[A-Za-z0-9]+");

  // A registry type name (Org::Service::Resource) or a custom resource (Custom::Name).
  private static final Pattern TYPE_NAME =
      Pattern.compile("[A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+|Custom::[A-Za-z0-9_@-]+");

  public static Template load(final Path file) {
    final String text;
    try {
      text = Files.readString(file);
    } catch (final IOException e) {
      throw new TemplateException(String.valueOf(file), "cannot read: " + e.getMessage());
    }
    return parse(text, String.valueOf(file.getFileName()));
  }

  /** Reads a template, reporting every structural problem it has at once. */
  public static Template parse(final String text, final String name) {
    final JsonNode root = TemplateYaml.read(text, name);
    final TemplateException.Collector problems = new TemplateException.Collector();
    root.fieldNames()
        .forEachRemaining(
            section -> {
              if (!SECTIONS.contains(section)) {
                problems.add(section, "not a template section; sections: " + sorted(SECTIONS));
              }
            });
    for (final String unsupported : List.of("Transform", "Rules")) {
      if (root.has(unsupported)) {
        problems.add(
            unsupported,
            "not supported by the runner (it evaluates templates without "
                + ("Transform".equals(unsupported) ? "macros or transforms" : "rule assertions")
                + ")");
      }
    }
    final Map<String, JsonNode> parameters = section(root, "Parameters", problems);
    parameters.forEach(
        (key, declaration) -> {
          checkName("Parameters", key, problems);
          if (!declaration.path("Type").isTextual()) {
            problems.add("Parameters." + key, "Type is missing");
          }
        });
    final Map<String, JsonNode> mappings = section(root, "Mappings", problems);
    mappings.forEach(
        (key, map) -> {
          if (!map.isObject()) {
            problems.add("Mappings." + key, "a mapping is a map of keys to maps of values");
          }
        });
    final Map<String, JsonNode> conditions = section(root, "Conditions", problems);
    final Map<String, Resource> resources = new LinkedHashMap<>();
    section(root, "Resources", problems)
        .forEach(
            (logicalId, node) ->
                problems.check(() -> resources.put(logicalId, resource(logicalId, node))));
    if (resources.isEmpty() && problems.isEmpty()) {
      // The message CloudFormation gives (AWS Knowledge Center, template format errors).
      problems.add("Resources", "At least one Resources member must be defined");
    }
    final Map<String, Output> outputs = new LinkedHashMap<>();
    section(root, "Outputs", problems)
        .forEach((key, node) -> problems.check(() -> outputs.put(key, output(key, node))));
    problems.throwIfAny();
    return new Template(parameters, mappings, conditions, resources, outputs);
  }

  private static Resource resource(final String logicalId, final JsonNode node) {
    final String location = "Resources." + logicalId;
    final TemplateException.Collector problems = new TemplateException.Collector();
    checkName("Resources", logicalId, problems);
    if (!node.isObject()) {
      throw new TemplateException(location, "a resource is a mapping with Type");
    }
    node.fieldNames()
        .forEachRemaining(
            key -> {
              if (!RESOURCE_KEYS.contains(key)) {
                problems.add(
                    location + "." + key,
                    "not a resource attribute; attributes: " + sorted(RESOURCE_KEYS));
              }
            });
    final String type = node.path("Type").asText(null);
    if (!node.path("Type").isTextual()) {
      problems.add(location, "Type is missing");
    } else if (!TYPE_NAME.matcher(type).matches()) {
      // AWS Knowledge Center: "Unrecognized resource types: [XXXXXXXX]".
      problems.add(location + ".Type", "Unrecognized resource types: [" + type + "]");
    }
    final JsonNode properties = node.path("Properties");
    if (!properties.isMissingNode() && !properties.isObject()) {
      problems.add(location + ".Properties", "Properties is a mapping");
    }
    final List<String> dependsOn = new ArrayList<>();
    final JsonNode declared = node.path("DependsOn");
    if (declared.isTextual()) {
      dependsOn.add(declared.asText());
    } else if (declared.isArray()) {
      declared.forEach(
          d -> {
            if (d.isTextual()) {
              dependsOn.add(d.asText());
            } else {
              problems.add(location + ".DependsOn", "DependsOn names logical ids: " + d);
            }
          });
    } else if (!declared.isMissingNode()) {
      problems.add(location + ".DependsOn", "DependsOn is a logical id or a list of them");
    }
    final String condition = text(node, "Condition", location, problems);
    final String deletionPolicy =
        policy(node, "DeletionPolicy", DELETION_POLICIES, location, problems);
    final String updateReplacePolicy =
        policy(node, "UpdateReplacePolicy", UPDATE_REPLACE_POLICIES, location, problems);
    problems.throwIfAny();
    return new Resource(
        logicalId,
        type,
        properties.isMissingNode() ? JSON.createObjectNode() : properties,
        List.copyOf(dependsOn),
        condition,
        deletionPolicy,
        updateReplacePolicy);
  }

  private static Output output(final String name, final JsonNode node) {
    final String location = "Outputs." + name;
    final TemplateException.Collector problems = new TemplateException.Collector();
    checkName("Outputs", name, problems);
    if (!node.has("Value")) {
      throw new TemplateException(location, "an output has a Value");
    }
    final String condition = text(node, "Condition", location, problems);
    final JsonNode export = node.path("Export");
    if (!export.isMissingNode() && !export.has("Name")) {
      problems.add(location + ".Export", "Export has a Name");
    }
    problems.throwIfAny();
    return new Output(name, node.get("Value"), condition, export.get("Name"));
  }

  private static String policy(
      final JsonNode node,
      final String attribute,
      final Set<String> allowed,
      final String location,
      final TemplateException.Collector problems) {
    final String value = text(node, attribute, location, problems);
    if (value != null && !allowed.contains(value)) {
      problems.add(location + "." + attribute, value + " is not one of " + sorted(allowed));
      return null;
    }
    return value;
  }

  private static String text(
      final JsonNode node,
      final String attribute,
      final String location,
      final TemplateException.Collector problems) {
    final JsonNode value = node.path(attribute);
    if (value.isMissingNode()) {
      return null;
    }
    if (!value.isTextual()) {
      // The message CloudFormation gives for a Condition (AWS Knowledge Center).
      problems.add(location + "." + attribute, "Every " + attribute + " member must be a string");
      return null;
    }
    return value.asText();
  }

  private static void checkName(
      final String section, final String name, final TemplateException.Collector problems) {
    if (!LOGICAL_ID.matcher(name).matches()) {
      problems.add(section + "." + name, "a logical name is alphanumeric (A-Z, a-z, 0-9)");
    }
  }

  private static Map<String, JsonNode> section(
      final JsonNode root, final String name, final TemplateException.Collector problems) {
    final Map<String, JsonNode> members = new LinkedHashMap<>();
    final JsonNode node = root.path(name);
    if (node.isMissingNode() || node.isNull()) {
      return members;
    }
    if (!node.isObject()) {
      problems.add(name, name + " is a mapping");
      return members;
    }
    node.properties().forEach(e -> members.put(e.getKey(), e.getValue()));
    return members;
  }

  private static List<String> sorted(final Set<String> values) {
    return values.stream().sorted().toList();
  }

  public static ArrayNode array() {
    return JSON.createArrayNode();
  }

  public static ObjectNode object() {
    return JSON.createObjectNode();
  }
}
