package com.org.sagemaker.runner.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one walk over the references of a template fragment: Ref, Fn::GetAtt and the ${} of Fn::Sub,
 * found in the order they are written and, if wanted, rewritten, every other intrinsic left as it
 * is. Works on any template, including functions the runner cannot evaluate. The template's
 * evaluation collects with it what a fragment depends on ({@link Intrinsics#references}), the
 * change set which parameters a property reads, and a migration rewrites the references to what it
 * replaces.
 */
public final class References {

  /** ${Name} or ${Name.Attribute}; ${!Literal} is text (intrinsic-function-reference-sub.md). */
  static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");

  /** Sees each reference of a walk, and may replace it. */
  public interface Visitor {
    /**
     * A reference to {@code name}: a parameter, pseudo parameter or resource. {@code attribute} is
     * null for a Ref or a ${Name}; for a Fn::GetAtt or a ${Name.Attribute} the attribute, or ""
     * when the template computes it (e.g. a Ref to a parameter). Answers what to write instead, or
     * null to keep the reference.
     *
     * @param location where the reference is, for messages
     */
    JsonNode reference(String name, String attribute, String location);

    /** Which branches of an Fn::If on {@code condition} to walk: by default both. */
    default Branch branch(final String condition) {
      return Branch.BOTH;
    }
  }

  /** The branches of an Fn::If a walk follows. */
  public enum Branch {
    BOTH,
    FIRST,
    SECOND;

    /** The branch Fn::If takes when its condition {@code holds} or not. */
    public static Branch taken(final boolean holds) {
      return holds ? FIRST : SECOND;
    }
  }

  private References() {}

  /** Every name the fragment refers to, in the order written: parameters, resources, pseudo. */
  public static Set<String> names(final JsonNode node) {
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

  /**
   * A copy of {@code node} with its references replaced as {@code visitor} says. An Fn::If whose
   * branch the visitor chooses is walked, not rewritten.
   */
  public static JsonNode rewrite(
      final JsonNode node, final Visitor visitor, final String location) {
    if (node instanceof ObjectNode object) {
      if (object.size() == 1) {
        final String function = object.fieldNames().next();
        final JsonNode argument = object.get(function);
        final JsonNode replaced =
            switch (function) {
              case "Ref" ->
                  argument.isTextual()
                      ? orElse(visitor.reference(argument.asText(), null, location), object)
                      : null;
              case "Fn::GetAtt" -> getAtt(object, argument, visitor, location);
              case "Fn::Sub" -> sub(argument, visitor, location);
              case "Fn::If" -> chosenBranch(object, argument, visitor, location);
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
                      e.getKey(), rewrite(e.getValue(), visitor, location + "." + e.getKey())));
      return copy;
    }
    if (node instanceof ArrayNode array) {
      final ArrayNode copy = array.arrayNode();
      for (int i = 0; i < array.size(); i++) {
        copy.add(rewrite(array.get(i), visitor, location + "[" + i + "]"));
      }
      return copy;
    }
    return node;
  }

  private static JsonNode orElse(final JsonNode replaced, final JsonNode original) {
    return replaced != null ? replaced : original.deepCopy();
  }

  /**
   * [LogicalId, Attribute], the attribute possibly computed; some tools also write
   * "LogicalId.Attribute". Null for anything else, which is walked as a plain value.
   */
  private static JsonNode getAtt(
      final ObjectNode call,
      final JsonNode argument,
      final Visitor visitor,
      final String location) {
    if (argument.isTextual() && argument.asText().contains(".")) {
      final String[] parts = argument.asText().split("\\.", 2);
      final JsonNode replaced = visitor.reference(parts[0], parts[1], location);
      return replaced != null ? replaced : getAtt(parts[0], parts[1]);
    }
    if (argument.isArray() && argument.size() == 2 && argument.get(0).isTextual()) {
      final JsonNode attribute = argument.get(1);
      return orElse(
          visitor.reference(
              argument.get(0).asText(), attribute.isTextual() ? attribute.asText() : "", location),
          call);
    }
    return null;
  }

  private static ObjectNode getAtt(final String logicalId, final String attribute) {
    final ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.putArray("Fn::GetAtt").add(logicalId).add(attribute);
    return node;
  }

  /**
   * Fn::Sub ("text" or [text, {Name: value}]) with each ${Name} / ${Name.Attribute} of the text
   * visited, then the values of its map: rewritten to ${Other} when the replacement is a Ref or a
   * GetAtt, otherwise through a variable of the Sub's own map. Null for any other shape.
   */
  private static JsonNode sub(
      final JsonNode argument, final Visitor visitor, final String location) {
    final boolean withMap = argument.isArray();
    if (!argument.isTextual()
        && !(withMap
            && argument.size() == 2
            && argument.get(0).isTextual()
            && argument.get(1).isObject())) {
      return null;
    }
    final String text = withMap ? argument.get(0).asText() : argument.asText();
    final JsonNode variables = withMap ? argument.get(1) : JsonNodeFactory.instance.objectNode();
    final ObjectNode added = JsonNodeFactory.instance.objectNode();
    final Matcher matcher = SUB_VARIABLE.matcher(text);
    final StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      final String variable = matcher.group(1);
      JsonNode replaced = null;
      if (!variables.has(variable)) {
        final String[] parts = variable.split("\\.", 2);
        replaced = visitor.reference(parts[0], parts.length > 1 ? parts[1] : null, location);
      }
      matcher.appendReplacement(
          out, Matcher.quoteReplacement(inSub(variable, replaced, variables, added)));
    }
    matcher.appendTail(out);
    final ObjectNode map = (ObjectNode) rewrite(variables, visitor, location);
    map.setAll(added);
    final ObjectNode result = JsonNodeFactory.instance.objectNode();
    if (map.isEmpty() && !withMap) {
      result.put("Fn::Sub", out.toString());
    } else {
      result.putArray("Fn::Sub").add(out.toString()).add(map);
    }
    return result;
  }

  private static String inSub(
      final String variable,
      final JsonNode replaced,
      final JsonNode variables,
      final ObjectNode added) {
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
    while (variables.has(name) || added.has(name)) {
      name = name + "Value";
    }
    added.set(name, replaced);
    return "${" + name + "}";
  }

  /** Fn::If [condition, a, b] when the visitor chooses a branch: that branch alone is walked. */
  private static JsonNode chosenBranch(
      final ObjectNode call,
      final JsonNode argument,
      final Visitor visitor,
      final String location) {
    if (!argument.isArray() || argument.size() != 3 || !argument.get(0).isTextual()) {
      return null;
    }
    final Branch branch = visitor.branch(argument.get(0).asText());
    if (branch == Branch.BOTH) {
      return null;
    }
    rewrite(argument.get(branch == Branch.FIRST ? 1 : 2), visitor, location);
    return call;
  }
}
