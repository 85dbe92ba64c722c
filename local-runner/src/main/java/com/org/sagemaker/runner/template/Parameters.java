package com.org.sagemaker.runner.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A template's parameter values: given ({@code --param}) or defaulted, typed and checked against
 * their constraints as CloudFormation does (user guide, parameters-section-structure.md). Error
 * texts are CloudFormation's as users recorded them (docs/sources/templates.md §3); the two marked
 * below come only from Eucalyptus' imitation of CloudFormation and are not established.
 */
final class Parameters {

  // The AWS-specific parameter types (user guide); their values are not looked up in an account.
  private static final Set<String> AWS_TYPES =
      Set.of(
          "AWS::EC2::AvailabilityZone::Name",
          "AWS::EC2::Image::Id",
          "AWS::EC2::Instance::Id",
          "AWS::EC2::KeyPair::KeyName",
          "AWS::EC2::SecurityGroup::GroupName",
          "AWS::EC2::SecurityGroup::Id",
          "AWS::EC2::Subnet::Id",
          "AWS::EC2::Volume::Id",
          "AWS::EC2::VPC::Id",
          "AWS::Route53::HostedZone::Id");

  private Parameters() {}

  static Map<String, JsonNode> resolve(final Template template, final Map<String, String> given) {
    final TemplateException.Collector problems = new TemplateException.Collector();
    final Set<String> extra = new TreeSet<>(given.keySet());
    extra.removeAll(template.parameters().keySet());
    if (!extra.isEmpty()) {
      // The text CloudFormation gives (third-party logs of CreateStack's ValidationError).
      problems.add("--param", "Parameters: " + extra + " do not exist in the template");
    }
    final List<String> missing = new ArrayList<>();
    final Map<String, JsonNode> values = new LinkedHashMap<>();
    template
        .parameters()
        .forEach(
            (name, declaration) -> {
              final String value =
                  given.containsKey(name) ? given.get(name) : text(declaration.get("Default"));
              if (value == null) {
                missing.add(name);
              } else {
                problems.check(() -> values.put(name, typed(name, declaration, value)));
              }
            });
    if (!missing.isEmpty()) {
      // The text CloudFormation gives (boto/botocore#2598 and others).
      problems.add("--param", "Parameters: " + missing + " must have values");
    }
    problems.throwIfAny();
    return values;
  }

  private static String text(final JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isArray()) {
      final List<String> items = new ArrayList<>();
      node.forEach(item -> items.add(item.asText()));
      return String.join(",", items);
    }
    return node.asText();
  }

  private static JsonNode typed(final String name, final JsonNode declaration, final String value) {
    final String location = "Parameters." + name;
    final String type = declaration.path("Type").asText();
    final Constraints constraints = new Constraints(name, declaration, location);
    if (type.equals("String")
        || type.equals("AWS::SSM::Parameter::Name")
        || AWS_TYPES.contains(type)) {
      constraints.checkString(value);
      return TextNode.valueOf(value);
    }
    if (type.equals("Number")) {
      constraints.checkNumber(value);
      // User guide: a Number parameter is checked as a number, but Ref gives a string.
      return TextNode.valueOf(value);
    }
    if (type.equals("CommaDelimitedList") || isList(type)) {
      final ArrayNode list = Template.array();
      // User guide: "each member string is space trimmed".
      for (final String item : value.split(",", -1)) {
        final String trimmed = item.trim();
        if (type.equals("List<Number>")) {
          constraints.checkNumber(trimmed);
        } else {
          constraints.checkListItem(trimmed);
        }
        list.add(trimmed);
      }
      return list;
    }
    if (type.startsWith("AWS::SSM::Parameter::Value<")) {
      throw new TemplateException(
          location + ".Type",
          type
              + " reads Systems Manager, which the runner does not: declare the parameter as"
              + " String (or a List type) and pass the value with --param");
    }
    throw new TemplateException(location + ".Type", "Unrecognized parameter type: " + type);
  }

  private static boolean isList(final String type) {
    return type.startsWith("List<")
        && type.endsWith(">")
        && (type.equals("List<Number>")
            || AWS_TYPES.contains(type.substring(5, type.length() - 1)));
  }

  /** AllowedValues, AllowedPattern, Min/MaxLength and Min/MaxValue of one parameter. */
  private record Constraints(String name, JsonNode declaration, String location) {

    void checkString(final String value) {
      checkListItem(value);
      final JsonNode min = declaration.get("MinLength");
      if (min != null && value.length() < min.asInt()) {
        // The text CloudFormation gives (cloudformation-coverage-roadmap#930).
        fail("Parameter '" + name + "' must contain at least " + min.asInt() + " characters");
      }
      final JsonNode max = declaration.get("MaxLength");
      if (max != null && value.length() > max.asInt()) {
        // Not established: Eucalyptus' imitation of CloudFormation's text.
        fail("Parameter '" + name + "' must contain at most " + max.asInt() + " characters");
      }
    }

    /** AllowedValues and AllowedPattern apply to each member of a list (user guide). */
    void checkListItem(final String value) {
      final JsonNode allowed = declaration.get("AllowedValues");
      if (allowed != null && allowed.isArray()) {
        final List<String> values = new ArrayList<>();
        allowed.forEach(v -> values.add(v.asText()));
        if (!values.contains(value)) {
          // The text CloudFormation gives (several user logs).
          fail("Parameter '" + name + "' must be one of AllowedValues");
        }
      }
      final JsonNode pattern = declaration.get("AllowedPattern");
      if (pattern != null && !matches(pattern.asText(), value)) {
        // The text CloudFormation gives (aws/aws-connected-device-framework#183).
        fail("Parameter '" + name + "' must match pattern " + pattern.asText());
      }
    }

    void checkNumber(final String value) {
      final BigDecimal number;
      try {
        number = new BigDecimal(value.trim());
      } catch (final NumberFormatException e) {
        // Not established: Eucalyptus' imitation of CloudFormation's text.
        fail("Parameter '" + name + "' must be a number");
        return;
      }
      final JsonNode min = declaration.get("MinValue");
      if (min != null && number.compareTo(bound(min, "MinValue")) < 0) {
        // The text CloudFormation gives (a rosa CLI log, docs/sources/templates.md §3).
        fail("Parameter '" + name + "' must be a number not less than " + min.asText());
      }
      final JsonNode max = declaration.get("MaxValue");
      if (max != null && number.compareTo(bound(max, "MaxValue")) > 0) {
        // Not established: Eucalyptus' imitation of CloudFormation's text.
        fail("Parameter '" + name + "' must be a number not greater than " + max.asText());
      }
    }

    private BigDecimal bound(final JsonNode value, final String attribute) {
      try {
        return new BigDecimal(value.asText());
      } catch (final NumberFormatException e) {
        throw new TemplateException(location + "." + attribute, "not a number: " + value);
      }
    }

    private boolean matches(final String pattern, final String value) {
      try {
        // User guide: the pattern must match the entire value.
        return Pattern.compile(pattern).matcher(value).matches();
      } catch (final PatternSyntaxException e) {
        throw new TemplateException(
            location + ".AllowedPattern", "not a valid pattern: " + e.getDescription());
      }
    }

    /**
     * With a ConstraintDescription, CloudFormation names the parameter without quotes and appends
     * the description (aws/aws-cli#7750).
     */
    private void fail(final String message) {
      final JsonNode description = declaration.get("ConstraintDescription");
      throw new TemplateException(
          location,
          description == null
              ? message
              : "Parameter " + name + " failed to satisfy constraint: " + description.asText());
    }
  }
}
