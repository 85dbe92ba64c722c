package com.org.sagemaker.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names a template fragment refers to through Ref, Fn::GetAtt and Fn::Sub, and rewriting those
 * references, leaving every other intrinsic untouched. Works on any template, including functions
 * the runner cannot evaluate.
 */
final class References {

  /** ${Name} or ${Name.Attribute}; ${!Literal} is text (intrinsic-function-reference-sub.md). */
  private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");

  /** Replaces one reference, or answers null to keep it. */
  interface Rewriter {
    /**
     * @param attribute null for a Ref
     * @param location where the reference is, for messages
     */
    JsonNode replace(String logicalId, String attribute, String location);
  }

  private References() {}

  static Set<String> names(final JsonNode node) {
    final Set<String> names = new LinkedHashSet<>();
    rewrite(
        node,
        (name, attribute, location) -> {
          names.add(name);
          return null;
        },
        "");
    return names;
  }

  /** A copy of {@code node} with references replaced as {@code rewriter} says. */
  static JsonNode rewrite(final JsonNode node, final Rewriter rewriter, final String location) {
    if (node instanceof ObjectNode object) {
      if (object.size() == 1) {
        final String function = object.fieldNames().next();
        final JsonNode argument = object.get(function);
        final JsonNode replaced =
            switch (function) {
              case "Ref" ->
                  argument.isTextual() ? ref(argument.asText(), rewriter, location) : null;
              case "Fn::GetAtt" -> getAtt(object, argument, rewriter, location);
              case "Fn::Sub" -> sub(argument, rewriter, location);
              default -> null;
            };
        if (replaced != null) {
          return replaced;
        }
      }
      final ObjectNode copy = object.objectNode();
      object
          .properties()
          .forEach(
              e ->
                  copy.set(
                      e.getKey(), rewrite(e.getValue(), rewriter, location + "." + e.getKey())));
      return copy;
    }
    if (node instanceof ArrayNode array) {
      final ArrayNode copy = array.arrayNode();
      for (int i = 0; i < array.size(); i++) {
        copy.add(rewrite(array.get(i), rewriter, location + "[" + i + "]"));
      }
      return copy;
    }
    return node;
  }

  static ObjectNode ref(final String name) {
    return JsonNodeFactory.instance.objectNode().put("Ref", name);
  }

  static ObjectNode getAtt(final String logicalId, final String attribute) {
    final ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.putArray("Fn::GetAtt").add(logicalId).add(attribute);
    return node;
  }

  static boolean isPseudo(final String name) {
    return name.startsWith("AWS::");
  }

  private static JsonNode ref(final String name, final Rewriter rewriter, final String location) {
    if (isPseudo(name)) {
      return ref(name);
    }
    final JsonNode replaced = rewriter.replace(name, null, location);
    return replaced == null ? ref(name) : replaced;
  }

  private static JsonNode getAtt(
      final ObjectNode call,
      final JsonNode argument,
      final Rewriter rewriter,
      final String location) {
    // The long form is [LogicalId, Attribute]; some tools also write "LogicalId.Attribute".
    final String[] parts =
        argument.isTextual()
            ? argument.asText().split("\\.", 2)
            : new String[] {argument.path(0).asText(), argument.path(1).asText(null)};
    if (parts.length < 2 || parts[1] == null) {
      return call.deepCopy();
    }
    final JsonNode replaced = rewriter.replace(parts[0], parts[1], location);
    return replaced == null ? getAtt(parts[0], parts[1]) : replaced;
  }

  /**
   * Fn::Sub with each ${Name} / ${Name.Attribute} rewritten: to ${Other} when the replacement is a
   * Ref or a GetAtt, otherwise through a variable of the Sub's own map.
   */
  private static JsonNode sub(
      final JsonNode argument, final Rewriter rewriter, final String location) {
    final String text = argument.isArray() ? argument.path(0).asText() : argument.asText();
    final ObjectNode variables =
        argument.path(1) instanceof ObjectNode map
            ? (ObjectNode) rewrite(map, rewriter, location)
            : JsonNodeFactory.instance.objectNode();
    final Matcher matcher = SUB_VARIABLE.matcher(text);
    final StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      final String variable = matcher.group(1);
      final String[] parts = variable.split("\\.", 2);
      JsonNode replaced = null;
      if (!variables.has(variable) && !isPseudo(variable)) {
        replaced = rewriter.replace(parts[0], parts.length > 1 ? parts[1] : null, location);
      }
      matcher.appendReplacement(
          out, Matcher.quoteReplacement(inSub(variable, replaced, variables)));
    }
    matcher.appendTail(out);
    final ObjectNode result = JsonNodeFactory.instance.objectNode();
    if (variables.isEmpty() && !argument.isArray()) {
      result.put("Fn::Sub", out.toString());
    } else {
      result.putArray("Fn::Sub").add(out.toString()).add(variables);
    }
    return result;
  }

  private static String inSub(
      final String variable, final JsonNode replaced, final ObjectNode variables) {
    if (replaced == null) {
      return "${" + variable + "}";
    }
    if (replaced.has("Ref") && replaced.get("Ref").isTextual()) {
      return "${" + replaced.get("Ref").asText() + "}";
    }
    final JsonNode getAtt = replaced.path("Fn::GetAtt");
    if (getAtt.size() == 2 && getAtt.get(0).isTextual() && getAtt.get(1).isTextual()) {
      return "${" + getAtt.get(0).asText() + "." + getAtt.get(1).asText() + "}";
    }
    if (replaced.isTextual()) {
      return replaced.asText().replace("${", "${!");
    }
    String name = variable.replaceAll("[^A-Za-z0-9]", "");
    while (variables.has(name)) {
      name = name + "Value";
    }
    variables.set(name, replaced);
    return "${" + name + "}";
  }
}
