package com.org.sagemaker.runner.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CloudFormation's intrinsic functions, resolved in a {@link Scope}. Semantics and error texts
 * follow the CloudFormation user guide's intrinsic-function reference
 * (intrinsic-function-reference-*.md); where a real error text is known (from user logs, see
 * docs/sources/templates.md §3) it is used word for word.
 */
public final class Intrinsics {

  /** What the names in a template stand for. */
  interface Scope {
    /** The value of a parameter or pseudo parameter, or null when {@code name} is neither. */
    JsonNode parameter(String name);

    /** A resource's Ref value; a {@link TemplateException} when there is no such resource. */
    JsonNode ref(String logicalId, String location);

    /** A resource's attribute; a {@link TemplateException} naming both when it has none. */
    JsonNode attribute(String logicalId, String attribute, String location);

    /** A condition's value; a {@link TemplateException} when there is no such condition. */
    boolean condition(String name, String location);

    /** The Mappings section. */
    JsonNode mappings();

    /** An export of another stack, for Fn::ImportValue. */
    JsonNode importValue(String name, String location);

    String region();
  }

  /** What Ref AWS::NoValue leaves: the property or list element disappears. */
  static final JsonNode NO_VALUE = MissingNode.getInstance();

  static final String NO_VALUE_NAME = "AWS::NoValue";

  private static final Pattern IPV4_CIDR =
      Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");

  public static final List<String> SUPPORTED =
      List.of(
          "Ref",
          "Fn::GetAtt",
          "Fn::Sub",
          "Fn::Join",
          "Fn::Split",
          "Fn::Select",
          "Fn::FindInMap",
          "Fn::GetAZs",
          "Fn::Base64",
          "Fn::ImportValue",
          "Fn::If",
          "Fn::Cidr");

  /** Functions that only the Conditions section evaluates. */
  static final List<String> CONDITION_FUNCTIONS =
      List.of("Fn::Equals", "Fn::And", "Fn::Or", "Fn::Not");

  private final Scope scope;

  Intrinsics(final Scope scope) {
    this.scope = scope;
  }

  /**
   * {@code node} with every intrinsic replaced by its value; {@link #NO_VALUE} when the node itself
   * resolves to AWS::NoValue. Unknown values ({@link Unknown}) propagate.
   */
  JsonNode resolve(final JsonNode node, final String location) {
    final String function = function(node);
    if (function != null) {
      return call(function, node.get(function), location);
    }
    if (node instanceof ObjectNode object) {
      final ObjectNode resolved = Template.object();
      object
          .properties()
          .forEach(
              e -> {
                final JsonNode value = resolve(e.getValue(), location + "." + e.getKey());
                if (!value.isMissingNode()) {
                  resolved.set(e.getKey(), value);
                }
              });
      return resolved;
    }
    if (node instanceof ArrayNode array) {
      final ArrayNode resolved = Template.array();
      for (int i = 0; i < array.size(); i++) {
        // cfn-lint's model: an element that resolves to AWS::NoValue leaves the list.
        final JsonNode value = resolve(array.get(i), location + "[" + i + "]");
        if (!value.isMissingNode()) {
          resolved.add(value);
        }
      }
      return resolved;
    }
    return node;
  }

  /** The intrinsic function {@code node} is, or null when it is a plain value. */
  static String function(final JsonNode node) {
    if (!(node instanceof ObjectNode object) || object.size() != 1) {
      return null;
    }
    final String name = object.fieldNames().next();
    return name.equals("Ref") || name.startsWith("Fn::") ? name : null;
  }

  private JsonNode call(final String function, final JsonNode argument, final String location) {
    final String where = location + "." + function;
    return switch (function) {
      case "Ref" -> ref(argument, where);
      case "Fn::GetAtt" -> getAtt(argument, where);
      case "Fn::Sub" -> sub(argument, where);
      case "Fn::Join" -> join(argument, where);
      case "Fn::Split" -> split(argument, where);
      case "Fn::Select" -> select(argument, where);
      case "Fn::FindInMap" -> findInMap(argument, where);
      case "Fn::GetAZs" -> getAzs(argument, where);
      case "Fn::Base64" -> base64(argument, where);
      case "Fn::ImportValue" -> importValue(argument, where);
      case "Fn::If" -> ifFunction(argument, where);
      case "Fn::Cidr" -> Cidr.of(resolveList(argument, 3, function, where), where);
      default -> throw unsupported(function, location);
    };
  }

  static TemplateException unsupported(final String function, final String location) {
    if (CONDITION_FUNCTIONS.contains(function)) {
      return new TemplateException(
          location,
          function
              + " is a condition function: declare it in Conditions and choose a value with"
              + " Fn::If");
    }
    if (List.of("Fn::Length", "Fn::ToJsonString", "Fn::Transform").contains(function)
        || function.startsWith("Fn::ForEach")) {
      return new TemplateException(
          location,
          "the intrinsic "
              + function
              + " needs a transform (AWS::LanguageExtensions or a macro), which the runner does"
              + " not run; supported: "
              + String.join(", ", SUPPORTED));
    }
    return new TemplateException(
        location,
        "the intrinsic "
            + function
            + " is not supported here; supported: "
            + String.join(", ", SUPPORTED));
  }

  private JsonNode ref(final JsonNode argument, final String location) {
    if (!argument.isTextual()) {
      throw new TemplateException(location, "Ref takes the name of a parameter or resource");
    }
    final String name = argument.asText();
    if (NO_VALUE_NAME.equals(name)) {
      return NO_VALUE;
    }
    final JsonNode parameter = scope.parameter(name);
    return parameter != null ? parameter : scope.ref(name, location);
  }

  private JsonNode getAtt(final JsonNode argument, final String location) {
    final String[] parts = getAttParts(argument, location);
    return scope.attribute(parts[0], parts[1], location);
  }

  /** [LogicalId, Attribute]; the attribute may be a Ref to a parameter (user guide). */
  private String[] getAttParts(final JsonNode argument, final String location) {
    if (argument.isArray()
        && argument.size() == 2
        && argument.get(0).isTextual()
        && !argument.get(0).asText().isEmpty()) {
      final JsonNode attribute = resolve(argument.get(1), location);
      if (attribute.isTextual() && !attribute.asText().isEmpty()) {
        return new String[] {argument.get(0).asText(), attribute.asText()};
      }
    }
    // The text CloudFormation gives (awslabs/aws-cfn-template-flip#40).
    throw new TemplateException(
        location,
        "Template error: every Fn::GetAtt object requires two non-empty parameters, the resource"
            + " name and the resource attribute");
  }

  private JsonNode sub(final JsonNode argument, final String location) {
    final JsonNode text = argument.isArray() ? argument.path(0) : argument;
    final JsonNode variables = argument.isArray() ? argument.path(1) : Template.object();
    if (!text.isTextual()
        || !variables.isObject()
        || (argument.isArray() && argument.size() != 2)) {
      throw new TemplateException(
          location, "Fn::Sub takes a string, or [string, {Name: value, ...}]");
    }
    final Matcher matcher = References.SUB_VARIABLE.matcher(text.asText());
    final StringBuilder out = new StringBuilder();
    boolean unknown = false;
    while (matcher.find()) {
      final String name = matcher.group(1);
      final JsonNode value;
      if (variables.has(name)) {
        value = resolve(variables.get(name), location + "." + name);
      } else if (name.contains(".") && scope.parameter(name) == null) {
        final String[] parts = name.split("\\.", 2);
        value = scope.attribute(parts[0], parts[1], location);
      } else {
        value = ref(TextNode.valueOf(name), location);
      }
      if (Unknown.is(value)) {
        unknown = true;
        continue;
      }
      if (!value.isValueNode()) {
        throw new TemplateException(location, "Fn::Sub variable ${" + name + "} is not a string");
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(value.asText()));
    }
    if (unknown) {
      return Unknown.of("Fn::Sub at " + location);
    }
    matcher.appendTail(out);
    return TextNode.valueOf(out.toString().replace("${!", "${"));
  }

  private JsonNode join(final JsonNode argument, final String location) {
    if (!argument.isArray() || argument.size() != 2 || !argument.get(0).isTextual()) {
      throw new TemplateException(location, "Fn::Join takes [delimiter, [values, ...]]");
    }
    final JsonNode values = resolve(argument.get(1), location);
    if (Unknown.is(values)) {
      return values;
    }
    if (!values.isArray()) {
      throw new TemplateException(location, "Fn::Join joins a list of values");
    }
    final StringBuilder joined = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      final JsonNode value = values.get(i);
      if (Unknown.is(value)) {
        return value;
      }
      if (!value.isValueNode()) {
        throw new TemplateException(location, "Fn::Join joins strings; item " + i + " is " + value);
      }
      joined.append(i == 0 ? "" : argument.get(0).asText()).append(value.asText());
    }
    return TextNode.valueOf(joined.toString());
  }

  private JsonNode split(final JsonNode argument, final String location) {
    if (!argument.isArray() || argument.size() != 2 || !argument.get(0).isTextual()) {
      throw new TemplateException(location, "Fn::Split takes [delimiter, source string]");
    }
    final JsonNode source = resolve(argument.get(1), location);
    if (Unknown.is(source)) {
      return source;
    }
    if (!source.isValueNode() || source.isMissingNode()) {
      throw new TemplateException(location, "Fn::Split splits a string");
    }
    final ArrayNode parts = Template.array();
    // User guide: consecutive or trailing delimiters give empty strings.
    for (final String part : source.asText().split(Pattern.quote(argument.get(0).asText()), -1)) {
      parts.add(part);
    }
    return parts;
  }

  private JsonNode select(final JsonNode argument, final String location) {
    if (!argument.isArray() || argument.size() != 2) {
      throw new TemplateException(location, "Fn::Select takes [index, list]");
    }
    final JsonNode index = resolve(argument.get(0), location);
    final JsonNode list = resolve(argument.get(1), location);
    if (Unknown.is(index) || Unknown.is(list)) {
      return Unknown.of("Fn::Select at " + location);
    }
    final int position;
    try {
      position = Integer.parseInt(index.asText());
    } catch (final NumberFormatException e) {
      throw new TemplateException(location, "Fn::Select index is not a number: " + index);
    }
    if (!list.isArray()) {
      throw new TemplateException(location, "Fn::Select selects from a list");
    }
    if (position < 0 || position >= list.size()) {
      // The text CloudFormation gives (user logs, docs/sources/templates.md §3).
      throw new TemplateException(
          location,
          "Template error: Fn::Select cannot select nonexistent value at index " + position);
    }
    return list.get(position);
  }

  private JsonNode findInMap(final JsonNode argument, final String location) {
    if (!argument.isArray() || argument.size() != 3) {
      // The text CloudFormation gives (cloudtools/troposphere#479).
      throw new TemplateException(
          location,
          "Template error: every Fn::FindInMap object requires three parameters, the map name,"
              + " map key and the attribute for return value");
    }
    final String[] keys = new String[3];
    for (int i = 0; i < 3; i++) {
      final JsonNode key = resolve(argument.get(i), location);
      if (!key.isValueNode() || key.isMissingNode()) {
        throw new TemplateException(location, "Fn::FindInMap keys are strings: " + key);
      }
      keys[i] = key.asText();
    }
    final JsonNode value = scope.mappings().path(keys[0]).path(keys[1]).path(keys[2]);
    if (value.isMissingNode()) {
      // The text CloudFormation gives (docs/sources/templates.md §3).
      throw new TemplateException(
          location, "Template error: Unable to get mapping for " + String.join("::", keys));
    }
    return value;
  }

  private JsonNode getAzs(final JsonNode argument, final String location) {
    final JsonNode region = resolve(argument, location);
    if (!region.isTextual()) {
      throw new TemplateException(location, "Fn::GetAZs takes a region name, or \"\"");
    }
    // User guide: an empty string means the stack's region.
    final ArrayNode zones = Template.array();
    AvailabilityZones.of(region.asText().isEmpty() ? scope.region() : region.asText())
        .forEach(zones::add);
    return zones;
  }

  private JsonNode base64(final JsonNode argument, final String location) {
    final JsonNode value = resolve(argument, location);
    if (Unknown.is(value)) {
      return value;
    }
    if (!value.isValueNode() || value.isMissingNode()) {
      throw new TemplateException(location, "Fn::Base64 encodes a string");
    }
    return TextNode.valueOf(
        Base64.getEncoder().encodeToString(value.asText().getBytes(StandardCharsets.UTF_8)));
  }

  private JsonNode importValue(final JsonNode argument, final String location) {
    final JsonNode name = resolve(argument, location);
    if (!name.isTextual()) {
      throw new TemplateException(location, "Fn::ImportValue takes an export name");
    }
    return scope.importValue(name.asText(), location);
  }

  private JsonNode ifFunction(final JsonNode argument, final String location) {
    if (!argument.isArray() || argument.size() != 3 || !argument.get(0).isTextual()) {
      throw new TemplateException(
          location, "Fn::If takes [condition name, value if true, value if false]");
    }
    final boolean holds = scope.condition(argument.get(0).asText(), location);
    return resolve(argument.get(holds ? 1 : 2), location);
  }

  private JsonNode resolveList(
      final JsonNode argument, final int size, final String function, final String location) {
    if (!argument.isArray() || argument.size() != size) {
      throw new TemplateException(location, function + " takes " + size + " arguments");
    }
    return resolve(argument, location);
  }

  /** What a part of a template refers to: resources by name, and their attributes. */
  public record Referenced(Set<String> resources, List<Map.Entry<String, String>> attributes) {}

  /**
   * The resources {@code node} refers to (Ref, Fn::GetAtt, Fn::Sub), in the branches Fn::If
   * chooses, and the attributes it asks of them (a Fn::GetAtt attribute given by Ref is left out).
   * Malformed functions are left for {@link #resolve} to report.
   */
  public Referenced references(final JsonNode node) {
    final Referenced found = new Referenced(new LinkedHashSet<>(), new ArrayList<>());
    References.rewrite(
        node,
        new References.Visitor() {
          @Override
          public JsonNode reference(
              final String name, final String attribute, final String location) {
            if (attribute != null) {
              found.resources().add(name);
              if (!attribute.isEmpty()) {
                found.attributes().add(Map.entry(name, attribute));
              }
            } else if (!NO_VALUE_NAME.equals(name) && scope.parameter(name) == null) {
              found.resources().add(name);
            }
            return null;
          }

          @Override
          public References.Branch branch(final String condition) {
            return References.Branch.taken(scope.condition(condition, "Fn::If"));
          }
        },
        "");
    return found;
  }

  /** Fn::Cidr for IPv4 (user guide: [ipBlock, count, cidrBits]). */
  private static final class Cidr {
    private Cidr() {}

    static JsonNode of(final JsonNode arguments, final String location) {
      if (Unknown.within(arguments)) {
        return Unknown.of("Fn::Cidr at " + location);
      }
      final Matcher block = IPV4_CIDR.matcher(arguments.get(0).asText());
      final int count = number(arguments.get(1), location);
      final int bits = number(arguments.get(2), location);
      if (!block.matches()) {
        throw new TemplateException(
            location, "Fn::Cidr: the runner computes IPv4 blocks (a.b.c.d/n) only");
      }
      long base = 0;
      for (int i = 1; i <= 4; i++) {
        base = (base << 8) | Math.min(255, Integer.parseInt(block.group(i)));
      }
      final int prefix = Integer.parseInt(block.group(5));
      final int newPrefix = 32 - bits;
      if (count < 1 || count > 256 || bits < 1 || newPrefix < prefix || prefix > 32) {
        throw new TemplateException(
            location,
            "Fn::Cidr: " + count + " blocks of " + bits + " bits do not fit in /" + prefix);
      }
      final long size = 1L << bits;
      final long start = base & ~((1L << (32 - prefix)) - 1) & 0xFFFFFFFFL;
      if ((long) count * size > (1L << (32 - prefix))) {
        throw new TemplateException(
            location,
            "Fn::Cidr: " + count + " blocks of /" + newPrefix + " do not fit in /" + prefix);
      }
      final ArrayNode blocks = Template.array();
      for (int i = 0; i < count; i++) {
        final long address = start + i * size;
        blocks.add(
            String.format(
                "%d.%d.%d.%d/%d",
                address >> 24 & 255,
                address >> 16 & 255,
                address >> 8 & 255,
                address & 255,
                newPrefix));
      }
      return blocks;
    }

    private static int number(final JsonNode node, final String location) {
      try {
        return Integer.parseInt(node.asText());
      } catch (final NumberFormatException e) {
        throw new TemplateException(location, "Fn::Cidr count and cidrBits are numbers: " + node);
      }
    }
  }
}
