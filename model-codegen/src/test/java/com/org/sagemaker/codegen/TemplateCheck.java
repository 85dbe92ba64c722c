package com.org.sagemaker.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a CloudFormation template (parsed, intrinsics in their long form) against what the schemas
 * of its resource types say: every property set is one the type has, nested objects' members too;
 * one of the type's required sets is complete; parameters passed to a property with allowed values
 * allow no other; every Ref, Fn::GetAtt and Fn::Sub variable names something the template has, an
 * attribute is a read-only property, and a Ref to a resource gives what the property takes.
 */
final class TemplateCheck {

  private static final Set<String> PSEUDO_PARAMETERS =
      Set.of("AWS::AccountId", "AWS::Partition", "AWS::Region", "AWS::StackName", "AWS::URLSuffix");
  private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!]+)}");

  private final JsonNode root;
  private final Function<String, PublishedSchemas.Type> schemas;

  /** {@code schemas} gives a type's facts by type name, null for a type it does not know. */
  TemplateCheck(final JsonNode root, final Function<String, PublishedSchemas.Type> schemas) {
    this.root = root;
    this.schemas = schemas;
  }

  /** Every problem found, each naming where; empty when the template is consistent. */
  List<String> problems() {
    final List<String> problems = new ArrayList<>();
    root.path("Resources")
        .properties()
        .forEach(resource -> checkResource(resource.getKey(), resource.getValue(), problems));
    root.path("Outputs")
        .properties()
        .forEach(
            output -> checkReferences(output.getValue().path("Value"), output.getKey(), problems));
    return problems;
  }

  private void checkResource(
      final String logicalId, final JsonNode resource, final List<String> p) {
    final String where = logicalId + " (" + resource.path("Type").asText() + ")";
    final PublishedSchemas.Type type = schemas.apply(resource.path("Type").asText());
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
        .forEach(property -> checkReferences(property.getValue(), property.getKey(), p));
  }

  /**
   * Every Ref, Fn::GetAtt and Fn::Sub variable names something the template has; a Ref to a
   * resource gives what its type's Ref returns (the primary identifier), which must be what the
   * property it is given to names (e.g. TypeVersionArn from a ResourceVersion's Arn).
   */
  private void checkReferences(final JsonNode node, final String property, final List<String> p) {
    if (node.isArray()) {
      node.forEach(item -> checkReferences(item, property, p));
    }
    if (!node.isObject()) {
      return;
    }
    if (node.has("Ref")) {
      final String name = node.get("Ref").asText();
      final JsonNode target = root.path("Resources").path(name);
      if (!defined(name)) {
        p.add(property + ": Ref " + name + " is neither parameter nor resource");
      } else if (target.isObject()) {
        final String returns = schemas.apply(target.path("Type").asText()).refReturns();
        if (!property.endsWith(returns)) {
          p.add(property + ": Ref " + name + " gives its " + returns);
        }
      }
    }
    if (node.has("Fn::GetAtt")) {
      final String logicalId = node.get("Fn::GetAtt").path(0).asText();
      final String attribute = node.get("Fn::GetAtt").path(1).asText();
      final PublishedSchemas.Type type =
          schemas.apply(root.at("/Resources/" + logicalId + "/Type").asText());
      if (type == null || !type.readOnly().contains(attribute)) {
        p.add(property + ": Fn::GetAtt " + logicalId + "." + attribute + " is not an attribute");
      }
    }
    if (node.has("Fn::Sub")) {
      final Matcher variables = SUB_VARIABLE.matcher(node.get("Fn::Sub").asText());
      while (variables.find()) {
        if (!defined(variables.group(1))) {
          p.add(property + ": Fn::Sub ${" + variables.group(1) + "} is not defined");
        }
      }
    }
    node.properties()
        .forEach(
            member ->
                checkReferences(
                    member.getValue(),
                    member.getKey().startsWith("Fn::") ? property : member.getKey(),
                    p));
  }

  private boolean defined(final String name) {
    return PSEUDO_PARAMETERS.contains(name)
        || root.path("Parameters").has(name)
        || root.path("Resources").has(name);
  }
}
