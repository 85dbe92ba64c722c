package com.org.sagemaker.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Ref, Fn::GetAtt and Fn::Sub, the intrinsics the runner supports, resolved in a scope. */
final class Resolver {

  private static final Set<String> PSEUDO =
      Set.of(
          "AWS::Region",
          "AWS::AccountId",
          "AWS::StackName",
          "AWS::StackId",
          "AWS::Partition",
          "AWS::URLSuffix");
  private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");

  /** What names resolve to. */
  interface Scope {
    /** A parameter's value, a resource's Ref value or a pseudo parameter's value. */
    JsonNode ref(String name, String location);

    /** A resource's attribute, e.g. Domain.DomainId. */
    JsonNode attribute(String logicalId, String attribute, String location);
  }

  private Resolver() {}

  static boolean isPseudo(final String name) {
    return PSEUDO.contains(name);
  }

  /** The parameters and resources {@code node} refers to; unsupported intrinsics fail here. */
  static Set<String> references(final JsonNode node, final String location) {
    final Set<String> names = new LinkedHashSet<>();
    collect(node, location, names);
    return names;
  }

  private static void collect(final JsonNode node, final String location, final Set<String> names) {
    final String function = function(node, location);
    if (function == null) {
      if (node.isContainerNode()) {
        node.properties().forEach(e -> collect(e.getValue(), location + "." + e.getKey(), names));
        for (int i = 0; node.isArray() && i < node.size(); i++) {
          collect(node.get(i), location + "[" + i + "]", names);
        }
      }
      return;
    }
    final JsonNode argument = node.get(function);
    switch (function) {
      case "Ref" -> addUnlessPseudo(argument.asText(), names);
      case "Fn::GetAtt" -> names.add(getAtt(argument, location)[0]);
      default -> {
        final String text = argument.isArray() ? argument.path(0).asText() : argument.asText();
        final JsonNode variables = argument.isArray() ? argument.path(1) : null;
        final Matcher matcher = SUB_VARIABLE.matcher(text);
        while (matcher.find()) {
          final String name = matcher.group(1).split("\\.", 2)[0];
          if (variables == null || !variables.has(name)) {
            addUnlessPseudo(name, names);
          }
        }
        if (variables != null) {
          collect(variables, location, names);
        }
      }
    }
  }

  private static void addUnlessPseudo(final String name, final Set<String> names) {
    if (!isPseudo(name)) {
      names.add(name);
    }
  }

  /** {@code node} with every intrinsic replaced by its value. */
  static JsonNode resolve(final JsonNode node, final Scope scope, final String location) {
    final String function = function(node, location);
    if (function != null) {
      return call(function, node.get(function), scope, location);
    }
    if (node instanceof ObjectNode object) {
      final ObjectNode resolved = Template.object();
      object
          .properties()
          .forEach(
              e ->
                  resolved.set(
                      e.getKey(), resolve(e.getValue(), scope, location + "." + e.getKey())));
      return resolved;
    }
    if (node instanceof ArrayNode array) {
      final ArrayNode resolved = Template.array();
      for (int i = 0; i < array.size(); i++) {
        resolved.add(resolve(array.get(i), scope, location + "[" + i + "]"));
      }
      return resolved;
    }
    return node;
  }

  private static JsonNode call(
      final String function, final JsonNode argument, final Scope scope, final String location) {
    return switch (function) {
      case "Ref" -> scope.ref(argument.asText(), location);
      case "Fn::GetAtt" -> {
        final String[] parts = getAtt(argument, location);
        yield scope.attribute(parts[0], parts[1], location);
      }
      default -> TextNode.valueOf(sub(argument, scope, location));
    };
  }

  private static String sub(final JsonNode argument, final Scope scope, final String location) {
    final String text = argument.isArray() ? argument.path(0).asText() : argument.asText();
    final JsonNode variables = argument.isArray() ? argument.path(1) : Template.object();
    final Matcher matcher = SUB_VARIABLE.matcher(text);
    final StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      final String name = matcher.group(1);
      final JsonNode value;
      if (variables.has(name)) {
        value = resolve(variables.get(name), scope, location);
      } else if (name.contains(".") && !isPseudo(name)) {
        final String[] parts = name.split("\\.", 2);
        value = scope.attribute(parts[0], parts[1], location);
      } else {
        value = scope.ref(name, location);
      }
      if (!value.isValueNode()) {
        throw new TemplateException(location, "Fn::Sub variable ${" + name + "} is not a string");
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(value.asText()));
    }
    matcher.appendTail(out);
    return out.toString().replace("${!", "${");
  }

  private static String[] getAtt(final JsonNode argument, final String location) {
    if (argument.isArray() && argument.size() == 2) {
      return new String[] {argument.get(0).asText(), argument.get(1).asText()};
    }
    throw new TemplateException(location, "Fn::GetAtt takes [LogicalId, Attribute]");
  }

  /** The intrinsic function {@code node} is, if it is one; unsupported ones fail. */
  private static String function(final JsonNode node, final String location) {
    if (!(node instanceof ObjectNode object) || object.size() != 1) {
      return null;
    }
    final String name = object.fieldNames().next();
    if (name.equals("Ref") || name.equals("Fn::GetAtt") || name.equals("Fn::Sub")) {
      return name;
    }
    if (name.startsWith("Fn::") || name.equals("Condition")) {
      throw new TemplateException(
          location,
          "the intrinsic " + name + " is not supported here; supported: Ref, Fn::GetAtt, Fn::Sub");
    }
    return null;
  }

  /** Pseudo parameters of a stack. */
  static Map<String, String> pseudoParameters(final HandlerInvoker.Stack stack) {
    return Map.of(
        "AWS::Region", stack.region(),
        "AWS::AccountId", stack.accountId(),
        "AWS::StackName", stack.name(),
        "AWS::StackId", stack.id(),
        "AWS::Partition", "aws",
        "AWS::URLSuffix", "amazonaws.com");
  }
}
