package com.org.sagemaker.runner.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The Conditions section, evaluated once before anything else as CloudFormation does ("evaluates
 * all the conditions in your template before creating any resources", user guide,
 * conditions-section-structure.md). Conditions may use parameters, mappings and other conditions,
 * never resources.
 */
final class Conditions {

  private final Template template;
  private final Intrinsics.Scope values;
  private final Map<String, Boolean> evaluated = new LinkedHashMap<>();
  private final Set<String> evaluating = new LinkedHashSet<>();

  private Conditions(final Template template, final Intrinsics.Scope values) {
    this.template = template;
    this.values = values;
  }

  /**
   * Every condition's value. {@code values} answers parameters and mappings; its {@code condition}
   * is not consulted (conditions are answered here).
   */
  static Map<String, Boolean> evaluate(final Template template, final Intrinsics.Scope values) {
    final Conditions conditions = new Conditions(template, values);
    final TemplateException.Collector problems = new TemplateException.Collector();
    template
        .conditions()
        .keySet()
        .forEach(name -> problems.check(() -> conditions.value(name, "Conditions." + name)));
    problems.throwIfAny();
    return Map.copyOf(conditions.evaluated);
  }

  private boolean value(final String name, final String location) {
    final Boolean known = evaluated.get(name);
    if (known != null) {
      return known;
    }
    if (!template.conditions().containsKey(name)) {
      throw new TemplateException(location, "Condition " + name + " is not defined in Conditions");
    }
    if (!evaluating.add(name)) {
      throw new TemplateException(
          location, "circular condition: " + String.join(" -> ", evaluating) + " -> " + name);
    }
    final boolean value = holds(template.conditions().get(name), "Conditions." + name);
    evaluating.remove(name);
    evaluated.put(name, value);
    return value;
  }

  private boolean holds(final JsonNode node, final String location) {
    final String function = node.isObject() && node.size() == 1 ? node.fieldNames().next() : "";
    final JsonNode argument = node.path(function);
    final String where = location + "." + function;
    return switch (function) {
      case "Fn::Equals" -> {
        requireSize(argument, 2, 2, function, where);
        yield same(operand(argument.get(0), where), operand(argument.get(1), where));
      }
      case "Fn::And", "Fn::Or" -> {
        // User guide: "The minimum number of conditions that you can include is 2, and the
        // maximum is 10".
        requireSize(argument, 2, 10, function, where);
        boolean result = "Fn::And".equals(function);
        for (final JsonNode operand : argument) {
          final boolean value = holds(operand, where);
          result = "Fn::And".equals(function) ? result && value : result || value;
        }
        yield result;
      }
      case "Fn::Not" -> {
        requireSize(argument, 1, 1, function, where);
        yield !holds(argument.get(0), where);
      }
      case "Condition" -> {
        if (!argument.isTextual()) {
          throw new TemplateException(where, "Condition names a condition");
        }
        yield value(argument.asText(), where);
      }
      default ->
          throw new TemplateException(
              location, "a condition is Fn::Equals, Fn::And, Fn::Or, Fn::Not or Condition");
    };
  }

  private static void requireSize(
      final JsonNode argument,
      final int min,
      final int max,
      final String function,
      final String location) {
    if (!argument.isArray() || argument.size() < min || argument.size() > max) {
      throw new TemplateException(
          location,
          function + " takes " + (min == max ? min : min + " to " + max) + " values in a list");
    }
  }

  /**
   * The functions an operand of Fn::Equals may be. The user guide names only Ref and Fn::FindInMap
   * (intrinsic-function-reference-conditions.md, "Supported functions"), but CloudFormation accepts
   * more: cfn-lint's rule E8003 (src/cfnlint/rules/conditions/Equals.py) lists these too, after
   * users showed valid templates with them ("!Equals [ !Select [ 0, !Ref SomeList ], Foo ]",
   * cfn-lint#881; "Fn::Join ... !Ref PermittedCIDRs", cfn-lint#3682). E8003 also lists Fn::Length
   * and Fn::ToJsonString, which need the AWS::LanguageExtensions transform the runner does not run.
   */
  private static final Set<String> OPERAND_FUNCTIONS =
      Set.of("Ref", "Fn::FindInMap", "Fn::Join", "Fn::Select", "Fn::Split", "Fn::Sub");

  /** An operand of Fn::Equals: a function above (others inside it as it allows), to a string. */
  private JsonNode operand(final JsonNode node, final String location) {
    checkNested(node, location);
    final String function = Intrinsics.function(node);
    if (function != null && !OPERAND_FUNCTIONS.contains(function)) {
      throw new TemplateException(
          location,
          function
              + " cannot be used in a condition; Fn::Equals compares "
              + String.join(", ", OPERAND_FUNCTIONS.stream().sorted().toList())
              + " or plain values");
    }
    final JsonNode value = new Intrinsics(values).resolve(node, location);
    if (value.isMissingNode()) {
      throw new TemplateException(location, "Fn::Equals compares values, not AWS::NoValue");
    }
    if (!value.isValueNode()) {
      // The text CloudFormation gives for a list compared (a user's log, cfn-lint#1639).
      throw new TemplateException(
          location,
          "Template error: every Fn::Equals object requires a list of 2 string parameters.");
    }
    return value;
  }

  /**
   * Functions nowhere in a condition: Fn::ImportValue ("Template error: Cannot use Fn::ImportValue
   * in Conditions.", a user's log, aws/aws-cdk#32238) and Fn::If, which the user guide allows only
   * in resources, outputs, metadata and update policies (CloudFormation's text for it is not
   * established). References to resources are refused as CloudFormation refuses them when the
   * operand is resolved.
   */
  private static void checkNested(final JsonNode node, final String location) {
    final String function = Intrinsics.function(node);
    if ("Fn::ImportValue".equals(function)) {
      throw new TemplateException(
          location, "Template error: Cannot use Fn::ImportValue in Conditions.");
    }
    if ("Fn::If".equals(function)) {
      throw new TemplateException(
          location, "Fn::If cannot be used in a condition; use Fn::And, Fn::Or and Fn::Not");
    }
    node.forEach(child -> checkNested(child, location));
  }

  /** Fn::Equals compares values as CloudFormation reads them: scalars as their text. */
  private static boolean same(final JsonNode left, final JsonNode right) {
    return left.asText().equals(right.asText());
  }
}
